package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonBody;
import dev.llmworkbench.rest.RequestBodies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The emulator's POST endpoints, served by a plain servlet rather than JAX-RS: they are what load
 * tests hammer, and on Liberty the JAX-RS dispatch around a request cost as much CPU as the
 * emulation itself (JFR, docs/BENCHMARKS.md). Everything else stays in JAX-RS resources.
 * An exact servlet mapping wins over the JAX-RS application's {@code /*}.
 */
@WebServlet(name = "emulator", urlPatterns = {EmulatorServlet.CHAT, EmulatorServlet.COMPLETIONS, EmulatorServlet.EMBEDDINGS,
        EmulatorServlet.RESPONSES},
        asyncSupported = true)
public class EmulatorServlet extends HttpServlet {
    public static final String CHAT = "/v1/chat/completions";
    public static final String COMPLETIONS = "/v1/completions";
    public static final String EMBEDDINGS = "/v1/embeddings";
    public static final String RESPONSES = "/v1/responses";

    @Inject
    EmulatorDispatch dispatch;

    @Inject
    RequestBodies bodies;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // TTFT counts from here: the earliest instant the application sees the request.
        long arrival = System.nanoTime();
        try {
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                throw new ApiException(405, "invalid_request_error",
                        "Method " + request.getMethod() + " is not allowed for this URL; use POST.", null, "method_not_allowed");
            }
            JsonBody.checkHeaders(request.getContentType(), request.getContentLengthLong(), bodies.maxBytes());
        } catch (RuntimeException failure) {
            // The body stays unread: closing beats draining what may be gigabytes.
            response.setHeader("Connection", "close");
            ErrorBody.write(response, failure);
            return;
        }
        // Read on the container's thread: once the request is suspended, Liberty may reset its dispatch
        // state (the servlet path read null on a read-callback thread) while the body is still arriving.
        String path = request.getServletPath();
        bodies.read(request, response, (async, bytes) -> dispatch.emulate(async, path, JsonBody.parse(bytes), arrival));
    }

    /**
     * Liberty answers TRACE with its own HTML 403 for any servlet that keeps HttpServlet's doTrace;
     * declaring one lets TRACE reach the RequestLimitsFilter, which refuses it in OpenAI's shape.
     */
    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        service(request, response);
    }
}
