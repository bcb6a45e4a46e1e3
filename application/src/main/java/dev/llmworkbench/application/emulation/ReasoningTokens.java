package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.gateway.ModelPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hidden reasoning tokens by model, as reasoning models (OpenAI's o-series, the gpt-5 family)
 * spend them before their first visible token. Of several matching patterns the most specific wins.
 */
public record ReasoningTokens(List<Entry> entries) {
    public static final ReasoningTokens NONE = new ReasoningTokens(List.of());

    public record Entry(ModelPattern pattern, int tokens) {
        public Entry {
            if (tokens < 0) {
                throw new IllegalArgumentException("reasoning tokens must be >= 0");
            }
        }
    }

    public ReasoningTokens {
        entries = entries.stream().sorted(Comparator.comparingInt((Entry e) -> e.pattern().specificity()).reversed()).toList();
    }

    /** Reads {@code o1*=256,gpt-5*=512}: comma-separated {@code pattern=tokens}. */
    public static ReasoningTokens parse(String config) {
        List<Entry> entries = new ArrayList<>();
        for (String item : config.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int equals = item.lastIndexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("reasoning-tokens is a list of pattern=tokens, not " + item.strip());
            }
            entries.add(new Entry(new ModelPattern(item.substring(0, equals).strip()), Integer.parseInt(item.substring(equals + 1).strip())));
        }
        return new ReasoningTokens(entries);
    }

    /** The settings as {@link #parse} reads them, most specific pattern first. */
    public String text() {
        return String.join(",", entries.stream().map(e -> e.pattern().glob() + "=" + e.tokens()).toList());
    }

    public int forModel(String model) {
        for (Entry entry : entries) {
            if (entry.pattern().matches(model)) {
                return entry.tokens();
            }
        }
        return 0;
    }
}
