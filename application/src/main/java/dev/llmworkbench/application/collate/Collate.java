package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.CollatedRequests;
import dev.llmworkbench.domain.collate.CollateMode;
import dev.llmworkbench.domain.collate.CollatedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Holds chat completion requests for a collate route in its window: the first request opens it, and it closes
 * {@code window} later or when it holds {@code maxRequests}, whichever comes first; a closed window becomes one upstream
 * batch ({@link CollatedBatches}). In cache mode, an identical request already answered is served from the store.
 */
public final class Collate {
    private final Map<String, CollateSettings> routes;
    private final CollatedRequests store;
    private final CollatedBatches batches;
    private final Supplier<String> ids;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, Window> open = new HashMap<>();

    /** @param timer closes windows on time; its task only hands the window on, so one platform thread serves all */
    public Collate(Map<String, CollateSettings> routes, CollatedRequests store, CollatedBatches batches, Supplier<String> ids,
                   Clock clock, ScheduledExecutorService timer) {
        this.routes = Map.copyOf(routes);
        this.store = store;
        this.batches = batches;
        this.ids = ids;
        this.clock = clock;
        this.timer = timer;
    }

    public Collation collate(CollateCommand command) {
        CollateSettings settings = routes.get(command.route());
        if (settings == null) {
            throw new IllegalArgumentException("route " + command.route() + " is not a collate route");
        }
        if (command.mode() == CollateMode.CACHE) {
            Optional<CollatedRequest> hit = store.answered(command.requestHash());
            if (hit.isPresent()) {
                return new Collation.Cached(hit.get());
            }
        }
        Collation.Held held = new Collation.Held(CollatedRequest.waiting(ids.get(), command.route(), command.model(),
                command.requestHash(), command.body(), command.mode(), clock.instant()), new CompletableFuture<>(),
                new CompletableFuture<>());
        Window full = null;
        synchronized (open) {
            Window window = open.computeIfAbsent(command.route(), route -> schedule(route, settings));
            window.held.add(held);
            if (window.held.size() >= settings.maxRequests()) {
                open.remove(command.route());
                window.closeTimer.cancel(false);
                full = window;
            }
        }
        if (full != null) {
            batches.submit(command.route(), full.held);
        }
        return held;
    }

    private Window schedule(String route, CollateSettings settings) {
        Window window = new Window();
        // Scheduled under the lock, so the timer's close waits for the window to be in the map.
        window.closeTimer = timer.schedule(() -> closeOnTime(route, window), settings.window().toNanos(), TimeUnit.NANOSECONDS);
        return window;
    }

    private void closeOnTime(String route, Window window) {
        synchronized (open) {
            if (open.get(route) != window) {
                return;
            }
            open.remove(route);
        }
        batches.submit(route, window.held);
    }

    /** The requests one window holds; only touched under the lock on {@code open} until it closes. */
    private static final class Window {
        private final List<Collation.Held> held = new ArrayList<>();
        private ScheduledFuture<?> closeTimer;
    }
}
