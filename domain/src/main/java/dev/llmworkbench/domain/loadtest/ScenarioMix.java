package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/** The scenarios of a run with their weights, from the task runner's {@code tags}: "chat_completions:3,embeddings:1". */
public record ScenarioMix(List<Weighted> scenarios) {
    public static final String FIELD = "tags";
    /** Bounds the total weight so that the cumulative sum of the pick stays an int. */
    public static final int MAX_WEIGHT = 1_000_000;

    public record Weighted(Scenario scenario, int weight) {
        public Weighted {
            if (scenario == null || weight < 1 || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException("bad weighted scenario: " + scenario + ":" + weight);
            }
        }
    }

    public ScenarioMix {
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenarios");
        }
        if (scenarios.stream().map(Weighted::scenario).distinct().count() != scenarios.size()) {
            throw new IllegalArgumentException("a scenario is listed twice: " + scenarios);
        }
    }

    public static ScenarioMix of(Scenario scenario) {
        return new ScenarioMix(List.of(new Weighted(scenario, 1)));
    }

    public static ScenarioMix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(FIELD, "tags must name at least one scenario, one of " + known() + ".");
        }
        List<Weighted> scenarios = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            Weighted weighted = weighted(item.strip());
            if (scenarios.stream().anyMatch(w -> w.scenario() == weighted.scenario())) {
                throw new InvalidRequestException(FIELD, "tags lists \"" + weighted.scenario().tag() + "\" twice.");
            }
            scenarios.add(weighted);
        }
        return new ScenarioMix(scenarios);
    }

    private static Weighted weighted(String item) {
        int colon = item.indexOf(':');
        String tag = colon < 0 ? item : item.substring(0, colon).strip();
        Scenario scenario = Scenario.ofTag(tag).orElseThrow(() -> new InvalidRequestException(FIELD,
                "tags has an unknown scenario \"" + tag + "\"; known scenarios are " + known() + "."));
        if (colon < 0) {
            return new Weighted(scenario, 1);
        }
        String weight = item.substring(colon + 1).strip();
        if (!weight.matches("\\d{1,7}") || Integer.parseInt(weight) < 1 || Integer.parseInt(weight) > MAX_WEIGHT) {
            throw new InvalidRequestException(FIELD, "tags weights must be whole numbers from 1 to " + MAX_WEIGHT
                    + ", such as \"chat_completions:3,embeddings:1\"; got \"" + item + "\".");
        }
        return new Weighted(scenario, Integer.parseInt(weight));
    }

    private static String known() {
        return Arrays.stream(Scenario.values()).map(Scenario::tag).collect(Collectors.joining(", "));
    }

    /** One scenario, each with probability weight / total weight. */
    public Scenario pick(RandomGenerator random) {
        int total = scenarios.stream().mapToInt(Weighted::weight).sum();
        int draw = random.nextInt(total);
        for (Weighted weighted : scenarios) {
            draw -= weighted.weight();
            if (draw < 0) {
                return weighted.scenario();
            }
        }
        throw new IllegalStateException("draw " + draw + " passed the total weight " + total);
    }
}
