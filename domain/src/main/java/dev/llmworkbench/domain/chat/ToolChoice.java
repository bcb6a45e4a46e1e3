package dev.llmworkbench.domain.chat;

/** {@code tool_choice}: only {@link Required} and {@link Function} force the emulator to call a tool. */
public sealed interface ToolChoice {
    record None() implements ToolChoice {
    }

    record Auto() implements ToolChoice {
    }

    record Required() implements ToolChoice {
    }

    record Function(String name) implements ToolChoice {
    }
}
