package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.application.emulation.ListModels;
import dev.llmworkbench.domain.NotFoundException;
import dev.llmworkbench.domain.models.ModelInfo;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/models} with routes configured: each route's models ({@link RouteModels}), {@code owned_by} the
 * route, then the emulator's that no route listed. {@code GET /v1/models/{id}} answers from the same lists: a model a
 * route lists is that route's, one a route's pattern claims but no route lists is a 404 (requests for it go to that
 * route, not to the emulator), and any other id is the emulator's to answer. A request this gateway sent (its
 * {@code Via}) gets the emulator's answer alone, so a route pointing back at this server does not list itself.
 */
final class ModelsFilter extends HttpFilter {
    private static final String ONE_MODEL = "/v1/models/";

    private final Upstreams upstreams;
    private final RouteModels routeModels;
    private final ListModels emulator;
    private final String via;

    ModelsFilter(Upstreams upstreams, RouteModels routeModels, ListModels emulator, String via) {
        this.upstreams = upstreams;
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(ONE_MODEL)) {
            Optional<String> id = decoded(path.substring(ONE_MODEL.length()));
            if (id.isEmpty() || !one(id.get(), response)) {
                chain.doFilter(request, response);
            }
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

    /** @return false when the id is no route's, so the emulator answers it */
    private boolean one(String id, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, RouteModels.Listed> route : routeModels.all().entrySet()) {
            if (route.getValue().ids().contains(id)) {
                JsonResponse.write(response, HttpServletResponse.SC_OK, Json.createObjectBuilder().add("id", id).add("object", "model")
                        .add("created", 0).add("owned_by", route.getKey()).build().toString());
                return true;
            }
        }
        if (upstreams.candidates(id).isEmpty()) {
            return false;
        }
        ErrorBody.write(response, NotFoundException.model(id));
        return true;
    }

    /** The id as the path carries it, percent-escapes decoded ({@code org%2Fmodel}); empty for a malformed one. */
    private static Optional<String> decoded(String raw) {
        try {
            String id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
