package dev.llmworkbench.rest.batch;

import dev.llmworkbench.application.batch.CancelBatch;
import dev.llmworkbench.application.batch.CreateBatch;
import dev.llmworkbench.application.batch.GetBatch;
import dev.llmworkbench.application.batch.ListBatches;
import dev.llmworkbench.application.collate.GetCollatedBatch;
import dev.llmworkbench.application.collate.ListCollatedBatches;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI's Batches API: {@code POST /v1/batches}, {@code GET /v1/batches[/{id}]}, {@code POST /v1/batches/{id}/cancel}.
 * The two GETs also show the upstream batches the collating jump server made on routes to another server.
 */
@Path("v1/batches")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BatchesResource {
    @Inject
    CreateBatch createBatch;

    @Inject
    GetBatch getBatch;

    @Inject
    ListBatches listBatches;

    @Inject
    CancelBatch cancelBatch;

    @Inject
    GetCollatedBatch getCollatedBatch;

    @Inject
    ListCollatedBatches listCollatedBatches;

    @POST
    @Consumes(MediaType.WILDCARD)
    public String create(byte[] body) {
        return BatchJson.batch(createBatch.create(CreateBatchReader.read(body)));
    }

    @GET
    public String list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        int size = limit(limit);
        Optional<String> from = Optional.ofNullable(after).filter(a -> !a.isBlank());
        // The upstream's batches join the first page only: paging on through them is the upstream's own list's job.
        List<String> collated = from.isEmpty() ? interruptible(() -> listCollatedBatches.list(size)) : List.of();
        return BatchJson.page(listBatches.list(size, from), collated, size);
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        try {
            return BatchJson.batch(getBatch.get(id));
        } catch (NotFoundException missing) {
            return interruptible(() -> getCollatedBatch.find(id)).orElseThrow(() -> missing);
        }
    }

    private interface Upstream<T> {
        T call() throws InterruptedException;
    }

    private static <T> T interruptible(Upstream<T> call) {
        try {
            return call.call();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "server_error", "The server is shutting down.", null, null);
        }
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public String cancel(@PathParam("id") String id) {
        return BatchJson.batch(cancelBatch.cancel(id));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return ListBatches.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException notANumber) {
            throw ApiException.invalid("limit", "Invalid value for 'limit': '" + ApiException.excerpt(raw, 20) + "'. Expected an integer.");
        }
    }
}
