package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.application.loadtest.ListLoadTests;
import dev.llmworkbench.application.loadtest.LoadTestCommand;
import dev.llmworkbench.application.loadtest.RunLoadTest;
import dev.llmworkbench.application.loadtest.StartLoadTest;
import dev.llmworkbench.application.outbound.OutboundCheck;
import dev.llmworkbench.application.loadtest.port.PageRequest;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.ErrorMapper;
import dev.llmworkbench.rest.JsonBody;
import dev.llmworkbench.rest.JsonResponse;
import dev.llmworkbench.rest.RequestBodies;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The task runner's {@code POST /run-task/} and {@code POST} / {@code GET /api/load-tests}. A servlet, as the emulator's
 * POST endpoints are, so that a body arrives without holding a thread and within the same size and time limits; the
 * rest of the load-test API is the JAX-RS {@link LoadTestResource}. Liberty's request threads are platform threads:
 * each handler runs on a virtual thread, and {@code /run-task/} waits there for its run's end.
 */
// Liberty matches no exact pattern ending in a slash, so /run-task/ is served as the path /run-task with path info "/".
@WebServlet(name = "load-tests", urlPatterns = {LoadTestServlet.RUN_TASK + "/*", LoadTestServlet.LOAD_TESTS}, asyncSupported = true)
public class LoadTestServlet extends HttpServlet {
    static final String RUN_TASK = "/run-task";
    static final String LOAD_TESTS = "/api/load-tests";

    @Inject
    RequestBodies bodies;

    @Inject
    LoadTestTargets targets;

    @Inject
    OutboundCheck outbound;

    @Inject
    StartLoadTest start;

    @Inject
    RunLoadTest runTask;

    @Inject
    ListLoadTests list;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean task = RUN_TASK.equals(request.getServletPath());
        RequestBodies.Refusal refusal = task ? TaskAnswer::error : ErrorBody::write;
        try {
            if (task && request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
                throw ErrorMapper.fromStatus(HttpServletResponse.SC_NOT_FOUND);
            }
            if (!task && "GET".equals(request.getMethod())) {
                JsonResponse.write(response, HttpServletResponse.SC_OK, RunJson.list(list.list(page(request))));
                return;
            }
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", task ? "POST" : "GET, POST");
                throw new ApiException(405, "invalid_request_error", "Method " + request.getMethod() + " is not allowed for this URL.", null, "method_not_allowed");
            }
            JsonBody.checkHeaders(request.getContentType(), request.getContentLengthLong(), bodies.maxBytes());
        } catch (RuntimeException failure) {
            if ("POST".equals(request.getMethod())) {
                // A refused body stays unread: closing beats draining what may be gigabytes.
                response.setHeader("Connection", "close");
            }
            refusal.write(response, failure);
            return;
        }
        LoadTestTargets.DefaultTarget fallback = targets.defaultTarget(request);
        String location = request.getContextPath() + LOAD_TESTS + "/";
        bodies.read(request, response, (async, body) -> Thread.ofVirtual().name("load-test-request").start(() -> {
            try {
                LoadTestCommand command = targets.authorised(LoadTestRequestReader.command(body, fallback, outbound));
                if (task) {
                    TaskAnswer.write((HttpServletResponse) async.getResponse(), runTask.run(command));
                } else {
                    LoadTestRun queued = start.start(command);
                    ((HttpServletResponse) async.getResponse()).setHeader("Location", location + queued.id());
                    JsonResponse.write((HttpServletResponse) async.getResponse(), HttpServletResponse.SC_ACCEPTED, RunJson.run(queued));
                }
            } catch (InterruptedException stopping) {
                answer(async, refusal, new ApiException(503, "server_error", "The server is stopping; the run was interrupted.", null, null));
            } catch (RuntimeException | IOException failure) {
                answer(async, refusal, failure);
            } finally {
                async.complete();
            }
        }), refusal);
    }

    private static void answer(AsyncContext async, RequestBodies.Refusal refusal, Exception failure) {
        try {
            refusal.write((HttpServletResponse) async.getResponse(), failure instanceof RuntimeException runtime
                    ? runtime : ErrorMapper.translate(failure));
        } catch (IOException | RuntimeException clientGone) {
            // nothing more to tell a client that left
        }
    }

    private static PageRequest page(HttpServletRequest request) {
        String limit = request.getParameter("limit");
        int size = ListLoadTests.DEFAULT_LIMIT;
        if (limit != null) {
            if (!limit.matches("\\d{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > PageRequest.MAX_LIMIT) {
                throw ApiException.invalid("limit", "Invalid 'limit': expected an integer from 1 to " + PageRequest.MAX_LIMIT
                        + ", got '" + ApiException.excerpt(limit, 20) + "'.");
            }
            size = Integer.parseInt(limit);
        }
        return new PageRequest(Optional.ofNullable(request.getParameter("after")).filter(after -> !after.isEmpty()), size);
    }
}
