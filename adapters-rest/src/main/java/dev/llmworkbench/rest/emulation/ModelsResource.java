package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.FindModel;
import dev.llmworkbench.application.emulation.ListModels;
import dev.llmworkbench.domain.models.ModelInfo;
import dev.llmworkbench.rest.JsonOut;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}; ids may contain slashes ("org/model"), as some upstreams use. */
@Path("/v1/models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    @Inject
    ListModels listModels;

    @Inject
    FindModel findModel;

    @GET
    public String list() {
        JsonOut json = new JsonOut(4096).begin().field("object", "list").beginArray("data");
        for (ModelInfo model : listModels.list()) {
            json.rawElement(model(model));
        }
        return json.endArray().end().toString();
    }

    @GET
    @Path("{id: .+}")
    public String get(@PathParam("id") String id) {
        return model(findModel.find(id));
    }

    private static String model(ModelInfo model) {
        return new JsonOut(128).begin().field("id", model.id()).field("object", "model")
                .field("created", model.created()).field("owned_by", model.ownedBy()).end().toString();
    }
}
