package dev.llmworkbench.rest.emulation;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A duration as OpenAI's {@code x-ratelimit-reset-*} headers write it, which is Go's duration format: "20ms" under a
 * second, else hours, minutes and seconds with the seconds' fraction ("1s", "8.64s", "6m0s", "1h0m0s").
 */
final class ResetDuration {
    private ResetDuration() {
    }

    static String format(Duration duration) {
        long millis = (duration.toNanos() + 999_999) / 1_000_000;
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        String seconds = BigDecimal.valueOf(millis % 60_000, 3).stripTrailingZeros().toPlainString();
        return (hours > 0 ? hours + "h" : "") + (hours > 0 || minutes > 0 ? minutes + "m" : "") + seconds + "s";
    }
}
