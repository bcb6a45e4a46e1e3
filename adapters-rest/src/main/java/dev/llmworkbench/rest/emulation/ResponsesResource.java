package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.responses.DeleteResponse;
import dev.llmworkbench.application.responses.GetResponse;
import dev.llmworkbench.application.responses.ItemQuery;
import dev.llmworkbench.application.responses.ListInputItems;
import dev.llmworkbench.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Stored responses: {@code GET} and {@code DELETE /v1/responses/{id}} and {@code GET .../input_items}.
 * {@code POST /v1/responses} itself is on the {@link EmulatorServlet} with the other emulated endpoints.
 */
@Path("/v1/responses/{id}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ResponsesResource {
    @Inject
    GetResponse getResponse;

    @Inject
    DeleteResponse deleteResponse;

    @Inject
    ListInputItems listInputItems;

    @GET
    public String get(@PathParam("id") String id) {
        return ResponseJson.write(ResponseJson.finished(getResponse.get(id)));
    }

    @DELETE
    public String delete(@PathParam("id") String id) {
        deleteResponse.delete(id);
        return ResponseJson.write(new ResponseObjects.Deleted(id, "response.deleted", true));
    }

    @GET
    @Path("input_items")
    public String inputItems(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("order") String order,
                             @QueryParam("after") String after) {
        ItemQuery query = new ItemQuery(limit(limit), ascending(order), Optional.ofNullable(after));
        return ResponseJson.write(ResponseJson.list(listInputItems.list(id, query)));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return ItemQuery.DEFAULT_LIMIT;
        }
        if (!limit.matches("\\d{1,9}")) {
            throw ApiException.invalid("limit", "Invalid 'limit': expected an integer, got '" + ApiException.excerpt(limit, 20) + "'.");
        }
        return Integer.parseInt(limit);
    }

    private static boolean ascending(String order) {
        if (order == null || order.equals("desc")) {
            return false;
        }
        if (order.equals("asc")) {
            return true;
        }
        throw ApiException.invalid("order", "Invalid value: '" + ApiException.excerpt(order, 20) + "'. Supported values are: 'asc' and 'desc'.");
    }
}
