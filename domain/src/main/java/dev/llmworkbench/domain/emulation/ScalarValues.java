package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.StringFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/** Numbers within a schema's bounds and strings in a schema's format, drawn from a seeded random. */
final class ScalarValues {
    /** An unbounded side of a range is this far from the other side; far bounds are clamped so a long can hold them. */
    private static final double SPAN = 99;
    private static final double LIMIT = 1e15;
    private static final String[] NAMES = {"ada", "alan", "grace", "linus", "margaret", "edsger", "barbara", "ken"};

    private ScalarValues() {
    }

    static String number(Schema.NumberSchema schema, SplittableRandom random) {
        double low = schema.lowest();
        double high = schema.highest();
        if (low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY) {
            low = 1;
            high = 1 + SPAN;
        } else if (high == Double.POSITIVE_INFINITY) {
            high = low + SPAN;
        } else if (low == Double.NEGATIVE_INFINITY) {
            low = high - SPAN;
        }
        low = Math.max(low, -LIMIT);
        high = Math.min(high, LIMIT);
        if (schema.integer()) {
            return String.valueOf((long) low + random.nextLong((long) high - (long) low + 1));
        }
        double value = low + random.nextDouble() * (high - low);
        double rounded = Math.round(value * 100) / 100.0;
        if (allowed(schema, rounded, low, high)) {
            return String.valueOf(rounded);
        }
        return String.valueOf(allowed(schema, value, low, high) ? value : low + (high - low) / 2);
    }

    private static boolean allowed(Schema.NumberSchema schema, double value, double low, double high) {
        return value >= low && value <= high && !schema.isOpenAt(value);
    }

    static String formatted(StringFormat format, SplittableRandom random) {
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2500));
        String time = String.format(Locale.ROOT, "%02d:%02d:%02dZ", random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return switch (format) {
            case DATE_TIME -> date + "T" + time;
            case DATE -> date.toString();
            case TIME -> time;
            case DURATION -> "P" + (1 + random.nextInt(30)) + "DT" + random.nextInt(24) + "H";
            case EMAIL -> name(random) + "." + name(random) + "@example.com";
            case HOSTNAME -> name(random) + ".example.com";
            case IPV4 -> "192.0.2." + (1 + random.nextInt(254));
            case IPV6 -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xFFFF));
            case UUID -> new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
        };
    }

    private static String name(SplittableRandom random) {
        return NAMES[random.nextInt(NAMES.length)];
    }
}
