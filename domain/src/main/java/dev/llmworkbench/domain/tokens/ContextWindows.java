package dev.llmworkbench.domain.tokens;

import dev.llmworkbench.domain.gateway.ModelPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Context windows set by model pattern ({@code gpt-4o*=128000,gpt-3.5*=16385}), over the catalog's own. Of several
 * matching patterns the most specific wins, as routes are matched: an exact id, then the glob with more literals.
 */
public record ContextWindows(List<Entry> entries) {
    public static final ContextWindows NONE = new ContextWindows(List.of());

    public record Entry(ModelPattern pattern, ContextWindow window) {
        public Entry {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(window, "window");
        }
    }

    public ContextWindows {
        entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code pattern=tokens} with tokens ≥ 1 */
    public static ContextWindows parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String item : text.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            String tokens = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (equals < 1 || !tokens.matches("[1-9][0-9]{0,9}") || Long.parseLong(tokens) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("expected model-pattern=tokens (tokens from 1 to " + Integer.MAX_VALUE
                        + "), got '" + (entry.length() > 40 ? entry.substring(0, 40) + "..." : entry) + "'");
            }
            entries.add(new Entry(new ModelPattern(entry.substring(0, equals).strip()), new ContextWindow(Integer.parseInt(tokens))));
        }
        return new ContextWindows(entries);
    }

    /** The window of {@code model}: the most specific matching pattern's, else {@code fallback}. */
    public ContextWindow forModel(String model, ContextWindow fallback) {
        Entry best = null;
        for (Entry entry : entries) {
            if (entry.pattern().matches(model) && (best == null || entry.pattern().specificity() > best.pattern().specificity())) {
                best = entry;
            }
        }
        return best == null ? fallback : best.window();
    }

    /** As the setting is written. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(text.isEmpty() ? "" : ",").append(entry.pattern().glob()).append('=').append(entry.window().tokens());
        }
        return text.toString();
    }
}
