package dev.llmworkbench.domain.emulation;

/** The parts a request's total delay is made of, in the order they are added up. */
public enum DelayPart {
    TIME_TO_FIRST_TOKEN, PREFILL, INTER_TOKEN, LOAD
}
