package dev.llmworkbench.rest.collate;

import dev.llmworkbench.application.collate.GetCollatedRequest;
import dev.llmworkbench.application.collate.ListCollateStatus;
import dev.llmworkbench.domain.collate.CollateFailure;
import dev.llmworkbench.domain.collate.CollatedRequest;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The jump server's result URL, {@code GET /api/collate/requests/{id}}: 200 (or the upstream's own status for that
 * request) with the chat completion once its batch answered it, 202 while it waits, OpenAI's error shape when its batch
 * failed, expired or was cancelled; and {@code GET /api/collate/batches/{id}/status}, an upstream batch's status log.
 */
@Path("api/collate")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollateResource {
    @Inject
    GetCollatedRequest getRequest;

    @Inject
    ListCollateStatus listStatus;

    @GET
    @Path("requests/{id}")
    public Response request(@PathParam("id") String id) {
        CollatedRequest request = getRequest.get(id);
        Response.ResponseBuilder answer;
        if (request.answer().isPresent()) {
            answer = Response.status(request.answer().get().status()).entity(request.answer().get().body());
        } else if (request.failure().isPresent()) {
            CollateFailure failure = request.failure().get();
            answer = Response.fromResponse(ErrorBody.response(new ApiException(failure.status(), failure.type(), failure.message(),
                    null, failure.code())));
        } else {
            answer = Response.status(202).entity(CollateJson.pending(request));
        }
        answer.type(MediaType.APPLICATION_JSON_TYPE).header("X-Collate-Request-Id", request.id());
        request.batchId().ifPresent(batch -> answer.header("X-Collate-Batch-Id", batch));
        return answer.build();
    }

    @GET
    @Path("batches/{id}/status")
    public String status(@PathParam("id") String id) {
        return CollateJson.statusLog(id, listStatus.list(id));
    }
}
