package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The extra headers a plan sends with every request ({@code headers}): names are HTTP tokens, values one line each.
 * Headers the HTTP client owns, and the credentials, which go in {@code API_KEY} so they are never stored, are refused.
 */
final class RequestHeaders {
    static final String FIELD = "headers";
    static final int MAX_HEADERS = 50;
    private static final int MAX_VALUE_CHARS = 8_192;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");
    private static final Set<String> REFUSED = Set.of("authorization", "api-key", "proxy-authorization", "cookie", "host",
            "content-length", "content-type", "transfer-encoding", "connection", "keep-alive", "upgrade", "te",
            "trailer", "expect");

    private RequestHeaders() {
    }

    static Map<String, String> check(Map<String, String> headers) {
        if (headers.size() > MAX_HEADERS) {
            throw new InvalidRequestException(FIELD, "headers may name at most " + MAX_HEADERS + " headers, got " + headers.size() + ".");
        }
        Map<String, String> checked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name == null || !TOKEN.matcher(name).matches()) {
                throw new InvalidRequestException(FIELD, "headers has a name that is not an HTTP header name.");
            }
            if (REFUSED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidRequestException(FIELD, "headers may not set " + name + ": the client sets it, and a key"
                        + " goes in API_KEY so that it is never stored.");
            }
            if (value == null || value.length() > MAX_VALUE_CHARS || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new InvalidRequestException(FIELD, "headers." + name + " must be one line of at most " + MAX_VALUE_CHARS + " characters.");
            }
            if (checked.put(name, value) != null) {
                throw new InvalidRequestException(FIELD, "headers names " + name + " twice.");
            }
        });
        return Map.copyOf(checked);
    }
}
