package dev.llmworkbench.rest.gateway;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An upstream's {@code GET /models}, as a MicroProfile REST Client built per route on its base URL
 * ({@link RouteModels}); the route's key and the gateway's {@code Via} are added by a request filter.
 */
@Path("/models")
public interface UpstreamModelsClient {
    /** OpenAI's list object, {@code {"object":"list","data":[{"id":...},...]}}, as the upstream sent it. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String list();
}
