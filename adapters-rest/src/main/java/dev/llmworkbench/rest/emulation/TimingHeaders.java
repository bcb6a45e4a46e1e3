package dev.llmworkbench.rest.emulation;

import static dev.llmworkbench.application.emulation.TimingOverrides.*;

import dev.llmworkbench.application.emulation.EngineOverrides;
import dev.llmworkbench.application.emulation.TimingOverrides;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.domain.emulation.FailKind;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** Reads the emulator's X-* request headers; a malformed or negative value is a 400 naming the header. */
final class TimingHeaders {
    private TimingHeaders() {
    }

    /** {@code headers} maps a header name to its value, or null when the request has none. */
    static TimingOverrides read(UnaryOperator<String> headers) {
        OptionalLong output = integer(headers, OUTPUT_LENGTH);
        OptionalLong status = integer(headers, FAIL_STATUS);
        OptionalLong cutAfter = integer(headers, CUT_AFTER);
        return new TimingOverrides(integer(headers, TTFT), integer(headers, ITL), toInt(output, OUTPUT_LENGTH),
                integer(headers, PREFILL), decimal(headers, LOAD_FACTOR), decimal(headers, FAIL_RATE),
                toInt(status, FAIL_STATUS), decimal(headers, CUT_RATE), toInt(cutAfter, CUT_AFTER), failKind(headers),
                engine(headers));
    }

    private static Optional<FailKind> failKind(UnaryOperator<String> headers) {
        String raw = headers.apply(FAIL_KIND);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(FailKind.fromWireName(raw.strip()).orElseThrow(() -> ApiException.invalid(FAIL_KIND, "Invalid "
                + FAIL_KIND + " header: expected one of " + FailKind.wireNames() + ", got '" + ApiException.excerpt(raw, 30) + "'.")));
    }

    private static EngineOverrides engine(UnaryOperator<String> headers) {
        return new EngineOverrides(integer(headers, EngineOverrides.TTFT_STDDEV), integer(headers, EngineOverrides.ITL_STDDEV),
                toInt(integer(headers, EngineOverrides.REASONING_TOKENS), EngineOverrides.REASONING_TOKENS));
    }

    private static OptionalLong integer(UnaryOperator<String> headers, String name) {
        String raw = headers.apply(name);
        if (raw == null) {
            return OptionalLong.empty();
        }
        String value = raw.strip();
        if (value.isEmpty() || value.length() > 18 || !digits(value)) {
            throw ApiException.invalid(name, "Invalid " + name + " header: expected a non-negative integer, got '" + ApiException.excerpt(raw, 20) + "'.");
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    private static OptionalInt toInt(OptionalLong value, String name) {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (value.getAsLong() > Integer.MAX_VALUE) {
            throw ApiException.invalid(name, "Invalid " + name + " header: " + value.getAsLong() + " is too large.");
        }
        return OptionalInt.of((int) value.getAsLong());
    }

    private static OptionalDouble decimal(UnaryOperator<String> headers, String name) {
        String raw = headers.apply(name);
        if (raw == null) {
            return OptionalDouble.empty();
        }
        String value = raw.strip();
        if (!value.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            throw ApiException.invalid(name, "Invalid " + name + " header: expected a non-negative decimal number, got '" + ApiException.excerpt(raw, 20) + "'.");
        }
        return OptionalDouble.of(Double.parseDouble(value));
    }

    private static boolean digits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
