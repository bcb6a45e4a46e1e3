package dev.llmworkbench.rest.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which headers cross the gateway. Requests keep the caller's headers (the emulator's {@code X-*} timing headers
 * included, so a load test through the gateway still steers an emulator upstream) less the hop-by-hop ones of
 * RFC 9110 section 7.6.1, those a {@code Connection} header names, the caller's credentials (the route's key replaces
 * them; this server's internal key goes to itself only) and the framing the HTTP client sets itself.
 * {@code Accept-Encoding} is dropped too: the gateway reads the answer it passes on to record it, which it cannot do
 * in gzip. The batch line mark is this process's secret and stays in it.
 */
final class ForwardHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<String> NOT_FORWARDED = Set.of("authorization", "api-key", "x-workbench-internal-key", "host",
            "content-length", "expect", "accept-encoding", "via", BatchLineMark.HEADER.toLowerCase(Locale.ROOT));
    // The gateway's own x-request-id names the answer (and its row in the completion log); dates and server names
    // are the answering server's, which is Liberty.
    private static final Set<String> NOT_RETURNED = Set.of("content-length", "x-request-id", "date", "server", "via");

    private ForwardHeaders() {
    }

    /** The request headers to send upstream, as name and value pairs. */
    static List<String[]> request(Enumeration<String> names, Function<String, Enumeration<String>> values) {
        List<String[]> kept = new ArrayList<>();
        List<String> all = new ArrayList<>();
        names.asIterator().forEachRemaining(all::add);
        Set<String> named = connectionTokens(all.stream().filter(n -> n.equalsIgnoreCase("connection"))
                .flatMap(n -> Collections.list(values.apply(n)).stream()).toList());
        for (String name : all) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || NOT_FORWARDED.contains(lower) || named.contains(lower) || name.startsWith(":")) {
                continue;
            }
            values.apply(name).asIterator().forEachRemaining(value -> kept.add(new String[] {name, value}));
        }
        return kept;
    }

    /** Whether an upstream's response header goes back to the caller. */
    static boolean returned(String name, Map<String, List<String>> all) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(":") && !HOP_BY_HOP.contains(lower) && !NOT_RETURNED.contains(lower)
                && !connectionTokens(all.getOrDefault("connection", List.of())).contains(lower);
    }

    private static Set<String> connectionTokens(List<String> connection) {
        return connection.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    }
}
