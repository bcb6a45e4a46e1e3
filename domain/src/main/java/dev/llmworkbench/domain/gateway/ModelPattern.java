package dev.llmworkbench.domain.gateway;

import java.util.regex.Pattern;

/**
 * One entry of a route's {@code models}: an exact id ({@code gpt-4o}) or a glob where {@code *} stands for any run of
 * characters ({@code gpt-4o*}). Of several matching patterns the most specific wins: an exact id beats every glob, and
 * of two globs the one with more literal characters.
 */
public record ModelPattern(String glob) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:/@*-]{1,256}");

    public ModelPattern {
        if (glob == null || !ALLOWED.matcher(glob).matches()) {
            throw new IllegalArgumentException("a model pattern is an id or a glob of letters, digits, . _ : / @ - and *: " + glob);
        }
    }

    public boolean matches(String model) {
        return matches(glob, 0, model, 0);
    }

    /** Higher is more specific; an exact id ranks above any glob of the same length. */
    public int specificity() {
        int literals = glob.replace("*", "").length();
        return glob.indexOf('*') < 0 ? Integer.MAX_VALUE / 2 + literals : literals;
    }

    private static boolean matches(String glob, int g, String text, int t) {
        while (g < glob.length()) {
            char c = glob.charAt(g);
            if (c == '*') {
                for (int rest = t; rest <= text.length(); rest++) {
                    if (matches(glob, g + 1, text, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || text.charAt(t) != c) {
                return false;
            }
            g++;
            t++;
        }
        return t == text.length();
    }
}
