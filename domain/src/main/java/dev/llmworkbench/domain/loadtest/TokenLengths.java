package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** The task runner's {@code input_lens} or {@code output_lens}: token counts separated by commas, such as "128,512". */
public record TokenLengths(List<Integer> tokens) {
    /** Far above any model's context window; it bounds the prompt a mistyped length would make. */
    public static final int MAX_TOKENS = 2_000_000;

    public TokenLengths {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no token lengths");
        }
        for (int length : tokens) {
            if (length < 1 || length > MAX_TOKENS) {
                throw new IllegalArgumentException("token length out of range: " + length);
            }
        }
    }

    /** @param field the request field the lengths came from ({@code input_lens} or {@code output_lens}), for errors */
    public static TokenLengths parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(field, field + " must list token counts separated by commas, such as \"128,512\".");
        }
        List<Integer> lengths = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            lengths.add(length(item.strip(), field));
        }
        return new TokenLengths(lengths);
    }

    private static int length(String item, String field) {
        if (!item.matches("\\d{1,9}")) {
            throw new InvalidRequestException(field, field + " must list positive whole numbers separated by commas,"
                    + " such as \"128,512\"; \"" + item + "\" is not one.");
        }
        int length = Integer.parseInt(item);
        if (length < 1 || length > MAX_TOKENS) {
            throw new InvalidRequestException(field, field + " values must be between 1 and " + MAX_TOKENS + ", got " + length + ".");
        }
        return length;
    }
}
