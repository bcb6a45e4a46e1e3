package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.models.ModelInfo;
import java.util.List;

public final class ListModels {
    private final Emulator emulator;

    public ListModels(Emulator emulator) {
        this.emulator = emulator;
    }

    public List<ModelInfo> list() {
        return emulator.models().all();
    }
}
