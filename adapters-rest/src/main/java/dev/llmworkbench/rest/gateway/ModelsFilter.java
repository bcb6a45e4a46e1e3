package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.emulation.ListModels;
import dev.llmworkbench.domain.models.ModelInfo;
import dev.llmworkbench.rest.JsonResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/models} with routes configured: each route's models ({@link RouteModels}), {@code owned_by} the
 * route, then the emulator's that no route listed. A request this gateway sent (its {@code Via}) gets the emulator's
 * list alone, so a route pointing back at this server does not list itself.
 */
final class ModelsFilter extends HttpFilter {
    private final RouteModels routeModels;
    private final ListModels emulator;
    private final String via;

    ModelsFilter(RouteModels routeModels, ListModels emulator, String via) {
        this.routeModels = routeModels;
        this.emulator = emulator;
        this.via = via;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String previousVia = request.getHeader("Via");
        if (!"GET".equals(request.getMethod()) || previousVia != null && previousVia.contains(via)) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> listed = new HashSet<>();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Map.Entry<String, RouteModels.Listed> route : routeModels.all().entrySet()) {
            for (String id : route.getValue().ids()) {
                if (listed.add(id)) {
                    data.add(Json.createObjectBuilder().add("id", id).add("object", "model").add("created", 0)
                            .add("owned_by", route.getKey()));
                }
            }
        }
        for (ModelInfo model : emulator.list()) {
            if (listed.add(model.id())) {
                data.add(Json.createObjectBuilder().add("id", model.id()).add("object", "model").add("created", model.created())
                        .add("owned_by", model.ownedBy()));
            }
        }
        JsonResponse.write(response, HttpServletResponse.SC_OK,
                Json.createObjectBuilder().add("object", "list").add("data", data).build().toString());
    }
}
