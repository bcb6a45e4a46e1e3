package dev.llmworkbench.rest.gateway;

import dev.llmworkbench.rest.auth.InternalKey;
import dev.llmworkbench.domain.gateway.CircuitBreaker;
import dev.llmworkbench.domain.gateway.CircuitPolicy;
import dev.llmworkbench.domain.gateway.Route;
import dev.llmworkbench.domain.gateway.RouteTable;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One configured HTTP client per upstream route, kept for the server's life (pooled keep-alive connections), with
 * each route's bulkhead (the permits of its {@code max-concurrency}), circuit breaker and live counters. The clients
 * share one pool of threads, which only read answers off the sockets and hand them to the forwarding threads.
 */
public final class Upstreams implements AutoCloseable {
    /**
     * @param requests calls sent to the upstream since start
     * @param failures of those, the ones its circuit breaker counted as failed
     */
    record Upstream(Route route, UpstreamClient client, Semaphore permits, CircuitBreaker circuit, LongAdder requests,
                    LongAdder failures) {
        int inFlight() {
            return route.maxConcurrency() - permits.availablePermits();
        }
    }

    private final RouteTable routes;
    private final Clock clock;
    private final InternalKey internal;
    private final Map<String, Upstream> byName = new LinkedHashMap<>();
    private final QueuedThreadPool threads = new QueuedThreadPool();
    // Unique per server start, so a request this gateway sent is recognised when it comes back.
    private final String via = "1.1 workbench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    /** @param internal this process's key for a route that points back at this server */
    public Upstreams(RouteTable routes, Function<Route, CircuitPolicy> circuits, Clock clock, InternalKey internal) {
        this.routes = routes;
        this.clock = clock;
        this.internal = internal;
        threads.setName("gateway-upstream");
        threads.setDaemon(true);
        try {
            // Started here, so no one client's start or stop owns the shared pool.
            threads.start();
        } catch (Exception failure) {
            throw new IllegalStateException("the gateway's upstream threads did not start", failure);
        }
        for (Route route : routes.routes()) {
            byName.put(route.name(), new Upstream(route, new UpstreamClient(route, threads, internal.forTarget(route.url())), new Semaphore(route.maxConcurrency()),
                    new CircuitBreaker(circuits.apply(route)), new LongAdder(), new LongAdder()));
        }
    }

    public RouteTable routes() {
        return routes;
    }

    /** This gateway's {@code Via} entry: a request already carrying it came from this gateway. */
    String via() {
        return via;
    }

    Clock clock() {
        return clock;
    }

    InternalKey internal() {
        return internal;
    }

    /** The routes serving {@code model}, the first choice first and then its fallbacks; empty for the emulator's. */
    List<Upstream> candidates(String model) {
        return routes.candidatesFor(model).stream().map(route -> byName.get(route.name())).toList();
    }

    /** Every route, in the configured order. */
    Collection<Upstream> all() {
        return byName.values();
    }

    @Override
    public void close() {
        byName.values().forEach(u -> u.client().close());
        try {
            threads.stop();
        } catch (Exception ignored) {
            // stopping at shutdown: the threads are daemons
        }
    }
}
