package dev.llmworkbench.domain.models;

/** Which endpoints a model serves: chat models also answer legacy completions, as the emulator is lenient there. */
public enum ModelKind {
    CHAT, COMPLETION, EMBEDDING
}
