package dev.llmworkbench.rest.loadtest;

import dev.llmworkbench.application.loadtest.CancelLoadTest;
import dev.llmworkbench.application.loadtest.CompareLoadTests;
import dev.llmworkbench.application.loadtest.GetLoadTest;
import dev.llmworkbench.application.shutdown.OpenStreams;
import dev.llmworkbench.domain.loadtest.LoadTestRun;
import dev.llmworkbench.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Arrays;
import java.util.List;

/**
 * One load test: {@code GET /api/load-tests/{id}}, {@code POST .../cancel}, {@code GET .../events} (Server-Sent
 * Events), {@code GET .../export?format=csv|json}, and {@code GET /api/load-tests/compare?ids=a,b}. Starting and
 * listing runs is {@link LoadTestServlet}'s. What waits (a cancel, an event stream) waits on a virtual thread.
 */
@Path(LoadTestServlet.LOAD_TESTS)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoadTestResource {
    @Inject
    GetLoadTest getLoadTest;

    @Inject
    OpenStreams openStreams;

    @Inject
    CancelLoadTest cancelLoadTest;

    @Inject
    CompareLoadTests compareLoadTests;

    @GET
    @Path("compare")
    public String compare(@QueryParam("ids") String ids) {
        List<String> named = ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",", -1)).map(String::strip).toList();
        return RunJson.compare(compareLoadTests.compare(named));
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        return RunJson.run(getLoadTest.get(id));
    }

    @POST
    @Path("{id}/cancel")
    public void cancel(@PathParam("id") String id, @Suspended AsyncResponse answer) {
        Thread.ofVirtual().name("load-test-cancel").start(() -> {
            try {
                answer.resume(RunJson.run(cancelLoadTest.cancel(id)));
            } catch (RuntimeException failure) {
                answer.resume(failure);
            }
        });
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        getLoadTest.get(id);
        Thread.ofVirtual().name("load-test-events").start(new RunEvents(getLoadTest, id, sink, sse, openStreams));
    }

    @GET
    @Path("{id}/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
        LoadTestRun run = getLoadTest.get(id);
        return switch (format == null ? "json" : format) {
            case "json" -> attachment(RunJson.run(run), MediaType.APPLICATION_JSON, run.id() + ".json");
            case "csv" -> attachment(RunCsv.of((JsonObject) RunJson.parse(run.result().orElseThrow(() -> ApiException.invalid("id",
                    "Load test " + run.id() + " is " + run.status().wireName() + " and has measured nothing yet: there is nothing to export.")))),
                    "text/csv; charset=utf-8", run.id() + ".csv");
            default -> throw ApiException.invalid("format", "Invalid value: '" + ApiException.excerpt(format, 20)
                    + "'. Supported values are: 'csv' and 'json'.");
        };
    }

    private static Response attachment(String body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
