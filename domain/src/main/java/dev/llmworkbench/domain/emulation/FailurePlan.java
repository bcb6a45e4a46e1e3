package dev.llmworkbench.domain.emulation;

import java.util.Objects;
import java.util.Optional;

/** What goes wrong with one request, decided when it arrives. */
public sealed interface FailurePlan {
    FailurePlan NONE = new None();

    record None() implements FailurePlan {
    }

    /** Answer at once with this HTTP status in OpenAI's error shape; a named {@code kind} decides the whole error. */
    record Reject(int status, Optional<FailKind> kind) implements FailurePlan {
        public Reject {
            Objects.requireNonNull(kind, "kind");
            if (kind.isPresent() && kind.get().status() != status) {
                throw new IllegalArgumentException("a " + kind.get().wireName() + " failure has status " + kind.get().status());
            }
        }

        public Reject(int status) {
            this(status, Optional.empty());
        }

        public Reject(FailKind kind) {
            this(kind.status(), Optional.of(kind));
        }
    }

    /** End the stream after this many tokens, with no finish_reason and no [DONE]. */
    record CutAfter(int tokens) implements FailurePlan {
    }
}
