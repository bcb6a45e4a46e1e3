package dev.llmworkbench.application.emulation;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The settings in force: one immutable {@link EmulatorSettings}, swapped whole, so a request that reads it once sees
 * one consistent set however the settings change meanwhile. Changes are serialised; reads never wait.
 */
public final class LiveSettings {
    private final EmulatorSettings configured;
    private final AtomicReference<EmulatorSettings> current;

    /** A change: the settings before and after it. */
    public record Change(EmulatorSettings before, EmulatorSettings after) {
    }

    public LiveSettings(EmulatorSettings configured) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.current = new AtomicReference<>(configured);
    }

    public EmulatorSettings current() {
        return current.get();
    }

    /** The settings given at start-up, which {@link #reset()} restores. */
    public EmulatorSettings configured() {
        return configured;
    }

    /** Applies {@code change} to the settings in force; if it throws, nothing has changed. */
    public synchronized Change update(UnaryOperator<EmulatorSettings> change) {
        EmulatorSettings before = current.get();
        EmulatorSettings after = Objects.requireNonNull(change.apply(before), "changed settings");
        current.set(after);
        return new Change(before, after);
    }

    public synchronized Change reset() {
        return update(before -> configured);
    }
}
