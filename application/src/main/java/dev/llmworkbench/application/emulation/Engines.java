package dev.llmworkbench.application.emulation;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engines by model id. An emulator that serves any id would otherwise grow an engine per
 * id a caller makes up, so past {@link #MAX_MODELS} the rest share one engine named {@link #OTHER}.
 */
public final class Engines {
    static final int MAX_MODELS = 256;
    public static final String OTHER = "other";

    private final ConcurrentHashMap<String, ModelEngine> engines = new ConcurrentHashMap<>();

    ModelEngine of(String model, EngineSettings settings) {
        ModelEngine engine = engines.get(model);
        if (engine != null) {
            return engine;
        }
        String name = engines.size() < MAX_MODELS ? model : OTHER;
        return engines.computeIfAbsent(name, id -> new ModelEngine(id, settings.prefixCacheBlockTokens(), settings.prefixCacheBlocks()));
    }

    /** Every engine that has served a request, in no particular order. */
    public Collection<ModelEngine> all() {
        return List.copyOf(engines.values());
    }
}
