package dev.llmworkbench.loadgen;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link Tally} read at one moment: the {@link RunFigures} and what the result adds to them.
 *
 * @param inputTokensMean  mean prompt tokens of successful requests, null when none succeeded
 * @param outputTokensMean mean output tokens of successful requests that generate text, null when none did
 * @param fromUsage        true when every successful request's token counts came from the server's {@code usage}
 * @param goodput          successful requests that met every objective, null when the plan has none
 * @param scenarios        requests by scenario tag
 */
record TallyFigures(RunFigures figures, long successes, Double inputTokensMean, Double outputTokensMean,
        boolean fromUsage, Long goodput, Map<String, Long> scenarios) {

    TallyFigures {
        Objects.requireNonNull(figures, "figures");
        scenarios = Collections.unmodifiableMap(new TreeMap<>(scenarios));
        if (successes < 0 || successes > figures.requests()) {
            throw new IllegalArgumentException("successes out of range: " + successes);
        }
        if (goodput != null && (goodput < 0 || goodput > successes)) {
            throw new IllegalArgumentException("goodput out of range: " + goodput);
        }
    }

    /**
     * A server that ignores the asked output length: the mean differs from {@code requested} by more than 5 % and by
     * at least one token (so a 1-token ask answered with 1.04 on average is not flagged).
     */
    boolean outputLengthIgnored(Integer requested) {
        if (requested == null || outputTokensMean == null) {
            return false;
        }
        double off = Math.abs(outputTokensMean - requested);
        return off > 0.05 * requested && off >= 1;
    }
}
