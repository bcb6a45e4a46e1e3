package dev.llmworkbench.rest.emulation;

import java.util.List;

/** The SSE payloads of one streamed response, step by step; {@code [DONE]} is added by the emitter. */
interface StreamFormat {
    /** The events due at step {@code index}: every choice's piece of that step (and, at step 0, any preamble). */
    List<String> step(int index);

    /** Tokens carried by step {@code index}, over all choices. */
    int tokens(int index);

    /** The events after the last step: finish reasons, then usage if asked for. */
    List<String> ending();
}
