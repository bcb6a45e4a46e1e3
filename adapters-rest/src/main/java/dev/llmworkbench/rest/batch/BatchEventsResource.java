package dev.llmworkbench.rest.batch;

import dev.llmworkbench.application.batch.ListBatchEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/batches/{id}/events}: a batch's status changes, oldest first, each with its time and request counts. */
@Path("api/batches")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BatchEventsResource {
    @Inject
    ListBatchEvents listBatchEvents;

    @GET
    @Path("{id}/events")
    public String events(@PathParam("id") String id) {
        return BatchJson.events(id, listBatchEvents.list(id));
    }
}
