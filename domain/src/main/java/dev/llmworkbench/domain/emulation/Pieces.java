package dev.llmworkbench.domain.emulation;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An answer's pieces kept as its text and where each piece ends, not as a string per token: a held
 * stream keeps its answer until the last token, and a 100-token answer as 100 strings cost about
 * 5 KiB of heap against 1 KiB this way (docs/BENCHMARKS.md, 10,000 open streams). Immutable; each
 * {@link #get} cuts its piece out of the text when it is asked for.
 */
final class Pieces extends AbstractList<String> implements RandomAccess {
    private static final Pieces EMPTY = new Pieces("", new int[0]);

    private final String text;
    private final int[] ends;

    private Pieces(String text, int[] ends) {
        this.text = text;
        this.ends = ends;
    }

    static List<String> of(List<String> pieces) {
        if (pieces instanceof Pieces already) {
            return already;
        }
        if (pieces.isEmpty()) {
            return EMPTY;
        }
        StringBuilder text = new StringBuilder();
        int[] ends = new int[pieces.size()];
        for (int i = 0; i < ends.length; i++) {
            text.append(Objects.requireNonNull(pieces.get(i), "piece"));
            ends[i] = text.length();
        }
        return new Pieces(text.toString(), ends);
    }

    /** Every piece joined, without copying. */
    String text() {
        return text;
    }

    @Override
    public String get(int index) {
        return text.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    @Override
    public int size() {
        return ends.length;
    }
}
