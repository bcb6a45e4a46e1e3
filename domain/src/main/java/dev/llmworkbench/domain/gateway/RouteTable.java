package dev.llmworkbench.domain.gateway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured upstream routes. A request's model picks the route whose pattern matches it most specifically; a
 * model no route claims goes to the built-in emulator (an empty answer). Of two routes claiming a model equally
 * specifically, the one configured first wins, so the order of {@code workbench.upstream.routes} breaks ties.
 */
public record RouteTable(List<Route> routes) {
    public static final RouteTable NONE = new RouteTable(List.of());

    public RouteTable {
        routes = List.copyOf(routes);
        Set<String> names = new HashSet<>();
        for (Route route : routes) {
            if (!names.add(route.name())) {
                throw new IllegalArgumentException("route " + route.name() + " is configured twice");
            }
        }
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /** The upstream serving {@code model}, or empty when the emulator does. */
    public Optional<Route> upstreamFor(String model) {
        return candidatesFor(model).stream().findFirst();
    }

    /**
     * Every route claiming {@code model}, the one serving it first, then the others a failed call may fall back to, most
     * specific first, of equals the one configured first; empty when the emulator serves it.
     */
    public List<Route> candidatesFor(String model) {
        List<Route> claiming = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (Route route : routes) {
            int score = route.specificityFor(model).orElse(-1);
            if (score < 0) {
                continue;
            }
            int at = 0;
            while (at < scores.size() && scores.get(at) >= score) {
                at++;
            }
            claiming.add(at, route);
            scores.add(at, score);
        }
        return List.copyOf(claiming);
    }
}
