package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.emulation.CannedAnswer;
import dev.llmworkbench.domain.emulation.TextSource;
import java.util.List;
import java.util.Objects;

/**
 * What a text answer says: generated sentences, the caller's last message echoed, or a canned answer for the model,
 * each fitted to the exact output length.
 */
public sealed interface ResponseMode {
    ResponseMode GENERATED = new Generated();

    /** The words of one request's answer, given its model and the text of its last user message (or prompt). */
    TextSource source(String model, String lastUserText);

    /** As the setting is written: {@code generated}, {@code echo} or {@code canned:<path>}. */
    String text();

    record Generated() implements ResponseMode {
        @Override
        public TextSource source(String model, String lastUserText) {
            return TextSource.GENERATED;
        }

        @Override
        public String text() {
            return "generated";
        }
    }

    record Echo() implements ResponseMode {
        @Override
        public TextSource source(String model, String lastUserText) {
            return new TextSource.Fitted(lastUserText);
        }

        @Override
        public String text() {
            return "echo";
        }
    }

    /** The first answer whose model pattern matches, in file order; a model none matches gets generated text. */
    record Canned(String path, List<CannedAnswer> answers) implements ResponseMode {
        public Canned {
            Objects.requireNonNull(path, "path");
            answers = List.copyOf(answers);
        }

        @Override
        public TextSource source(String model, String lastUserText) {
            for (CannedAnswer answer : answers) {
                if (answer.model().matches(model)) {
                    return new TextSource.Fitted(answer.content());
                }
            }
            return TextSource.GENERATED;
        }

        @Override
        public String text() {
            return "canned:" + path;
        }
    }
}
