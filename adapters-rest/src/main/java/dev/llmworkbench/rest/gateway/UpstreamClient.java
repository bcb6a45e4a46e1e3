package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteKind;
import dev.llmworkbench.rest.auth.InternalKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpMethod;

/**
 * One route's HTTP client, kept for the server's life with its pooled keep-alive connections: Jetty's, which costs
 * about half the CPU per request of the JDK's {@code java.net.http} client and wakes fewer threads on the way
 * (docs/BENCHMARKS.md, the gateway's overhead). The forwarding virtual thread blocks on the answer's head and then
 * reads its body as a stream; the listener takes the next chunk from the connection only once the last was read,
 * so a slow caller holds the upstream back.
 */
final class UpstreamClient implements AutoCloseable {
    /** An upstream's answer: its status, its headers (names in any case), and its body as it arrives. */
    record Answer(int status, Map<String, List<String>> headers, InputStream body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    private static final long IDLE_POOLED_MILLIS = 30_000;

    private final Route route;
    private final Optional<String> internalKey;
    private final HttpClient client = new HttpClient();

    /** @param internalKey this process's key, when the route points back at this server */
    UpstreamClient(Route route, Executor threads, Optional<String> internalKey) {
        this.route = route;
        this.internalKey = internalKey;
        client.setExecutor(threads);
        client.setConnectTimeout(Math.min(route.timeout().toMillis(), 10_000));
        // A pooled connection idle this long is closed, as the JDK's client closed its idle connections after 30 s.
        client.setIdleTimeout(IDLE_POOLED_MILLIS);
        // The bulkhead (max-concurrency) is the limit: the pool never makes a permitted request wait for a connection.
        client.setMaxConnectionsPerDestination(route.maxConcurrency());
        client.setMaxRequestsQueuedPerDestination(route.maxConcurrency());
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception failure) {
            throw new IllegalStateException("route " + route.name() + ": the HTTP client did not start", failure);
        }
        // The upstream's redirect, 401 or gzip is the caller's to see, unchanged. Emptied after the start, which
        // installs the default handlers (100-continue, redirects, authentication) and gzip decoding when there are none.
        client.getProtocolHandlers().clear();
        client.getContentDecoderFactories().clear();
    }

    /**
     * Sends {@code body} to the route's {@code openAiPath} and waits for the answer's head, no longer than the route's
     * timeout.
     *
     * @throws ConnectException     the route refused the connection or its host is unknown
     * @throws HttpTimeoutException no head within the route's timeout
     * @throws IOException          anything else: the answer was not HTTP
     */
    Answer send(String openAiPath, byte[] body, List<String[]> headers, String via) throws IOException, InterruptedException {
        // Once its head is in, an answer's events may take as long as they take (a stream can think for minutes):
        // no idle limit while the exchange is open; the route's timeout bounds the wait for the head alone.
        Request request = client.newRequest(route.target(openAiPath)).method(HttpMethod.POST).idleTimeout(0, TimeUnit.MILLISECONDS);
        String contentType = "application/json";
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase("content-type")) {
                contentType = header[1];
            }
        }
        request.body(new BytesRequestContent(contentType, body));
        request.headers(fields -> {
            headers.forEach(header -> fields.add(header[0], header[1]));
            fields.put("Via", via);
            internalKey.ifPresent(key -> fields.put(InternalKey.HEADER, key));
            route.apiKey().ifPresent(key -> {
                if (route.kind() == RouteKind.AZURE) {
                    fields.put("api-key", key.value());
                } else {
                    fields.put("Authorization", "Bearer " + key.value());
                }
            });
        });
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response head;
        try {
            head = listener.get(route.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            request.abort(slow);
            throw new HttpTimeoutException("no answer head in time");
        } catch (InterruptedException stop) {
            request.abort(stop);
            throw stop;
        } catch (ExecutionException failure) {
            throw fault(failure.getCause());
        }
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : head.getHeaders()) {
            fields.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        return new Answer(head.getStatus(), fields, listener.getInputStream());
    }

    private static IOException fault(Throwable cause) {
        return switch (cause) {
            case ConnectException refused -> refused;
            case UnknownHostException unknown -> new ConnectException("unknown host");
            case SocketTimeoutException slow -> new HttpTimeoutException("no connection in time");
            case TimeoutException slow -> new HttpTimeoutException("no connection in time");
            case IOException other -> other;
            case null, default -> new IOException("not an HTTP answer", cause);
        };
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception ignored) {
            // stopping at shutdown: the connections close with the process
        }
    }
}
