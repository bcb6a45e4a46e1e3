package dev.llmworkbench.application.emulation.port;

import dev.llmworkbench.domain.emulation.CannedAnswer;
import java.util.List;

/** Reads a JSONL file of canned answers, one {@code {"model": glob, "content": "..."}} per line. */
public interface CannedAnswerFiles {
    /** @throws IllegalArgumentException saying what is wrong with the file (missing, unreadable, a bad line) */
    List<CannedAnswer> read(String path);
}
