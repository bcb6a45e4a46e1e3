package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.emulation.FailKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a setting's value from its text as the request headers are read: a plain non-negative integer of at most 18
 * digits, a plain decimal, {@code true}/{@code false}, a failure kind's name. A bad value is a 400 naming the key.
 */
final class SettingValues {
    private SettingValues() {
    }

    static long integer(String key, String value) {
        String text = value.strip();
        if (!text.matches("[0-9]{1,18}")) {
            throw invalid(key, "expected a non-negative integer, got '" + excerpt(value) + "'");
        }
        return Long.parseLong(text);
    }

    static int integer(String key, String value, int max) {
        long number = integer(key, value);
        if (number > max) {
            throw invalid(key, number + " is more than " + max);
        }
        return (int) number;
    }

    static double decimal(String key, String value) {
        String text = value.strip();
        if (!text.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            throw invalid(key, "expected a non-negative decimal number, got '" + excerpt(value) + "'");
        }
        return Double.parseDouble(text);
    }

    static double rate(String key, String value) {
        double rate = decimal(key, value);
        if (rate > 1.0) {
            throw invalid(key, "must be within [0, 1]");
        }
        return rate;
    }

    static boolean bool(String key, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "expected true or false, got '" + excerpt(value) + "'");
        };
    }

    /** A failure kind's name, or {@code none} (or nothing) for failures by status only. */
    static Optional<FailKind> failKind(String key, String value) {
        String text = value.strip();
        if (text.isEmpty() || text.equals("none")) {
            return Optional.empty();
        }
        return Optional.of(FailKind.fromWireName(text)
                .orElseThrow(() -> invalid(key, "expected one of " + FailKind.wireNames() + " or none, got '" + excerpt(value) + "'")));
    }

    static List<String> ids(String key, String value) {
        List<String> ids = new ArrayList<>();
        for (String id : value.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        if (ids.isEmpty()) {
            throw invalid(key, "expected a comma-separated list of model ids");
        }
        return ids;
    }

    static InvalidRequestException invalid(String key, String reason) {
        return new InvalidRequestException(key, "Invalid value for setting '" + key + "': " + reason + ".");
    }

    private static String excerpt(String raw) {
        String printable = raw.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
