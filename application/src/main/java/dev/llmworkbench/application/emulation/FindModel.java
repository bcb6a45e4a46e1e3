package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.models.ModelInfo;

public final class FindModel {
    private final Emulator emulator;

    public FindModel(Emulator emulator) {
        this.emulator = emulator;
    }

    /** @throws dev.llmworkbench.domain.NotFoundException for an id the emulator does not serve */
    public ModelInfo find(String id) {
        return emulator.models().require(id);
    }
}
