package dev.llmworkbench.loadgen;

/** The token counts a server reported in OpenAI's {@code usage} object. */
public record Usage(int promptTokens, int completionTokens) {

    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token count < 0");
        }
    }
}
