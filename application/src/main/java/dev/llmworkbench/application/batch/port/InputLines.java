package dev.llmworkbench.application.batch.port;

import dev.llmworkbench.domain.batch.InputLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a batch input file (JSONL) one line at a time, so no file is held whole in memory. */
public interface InputLines {
    /**
     * Hands each non-blank line to {@code sink}, in order, numbered from 1; with {@code model}, every request's body
     * has its {@code model} replaced by it (the guide's {@code metadata.model}).
     */
    void read(InputStream in, Optional<String> model, Consumer<InputLine> sink) throws IOException;

    /** The {@code url} of the file's first request, which names the endpoint of a batch created without one. */
    Optional<String> firstUrl(InputStream in) throws IOException;
}
