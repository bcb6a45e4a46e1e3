package dev.llmworkbench.domain.loadtest;

import dev.llmworkbench.domain.InvalidRequestException;

/**
 * How a run sends its requests (field {@code load.type}). Closed loops ({@link Concurrent},
 * {@link Synchronous}, {@link Throughput}) send when an answer comes back; open loops
 * ({@link Constant}, {@link Poisson}) send on schedule whether or not earlier requests answered.
 */
public sealed interface LoadShape {
    String FIELD = "load.type";
    /** The scale the generator is built for is 10,000 users; ten times that bounds a mistyped value. */
    int MAX_USERS = 100_000;
    double MAX_RATE = 1_000_000;
    /** guidellm's sweep runs 10 rates by default; a hundred runs of a step is more than anyone waits for. */
    int MAX_SWEEP_RATES = 100;

    /** The task runner's closed loop: {@code users} each send, wait for the answer, send again; spawned at {@code spawnRate} users/s. */
    record Concurrent(int users, double spawnRate) implements LoadShape {
        public Concurrent {
            requireUsers(users);
            requireRate(spawnRate);
        }
    }

    /** One request at a time: the server's latency without queueing. */
    record Synchronous() implements LoadShape {
    }

    /** As fast as the target answers, {@code inFlight} requests at all times, spawned at once. */
    record Throughput(int inFlight) implements LoadShape {
        public Throughput {
            requireUsers(inFlight);
        }
    }

    /** Open loop at a fixed {@code rate} requests/s, evenly spaced. */
    record Constant(double rate) implements LoadShape {
        public Constant {
            requireRate(rate);
        }
    }

    /** Open loop at a mean {@code rate} requests/s with exponential gaps, as independent users arrive. */
    record Poisson(double rate) implements LoadShape {
        public Poisson {
            requireRate(rate);
        }
    }

    /**
     * guidellm's sweep: a synchronous run, a throughput run, then {@code rates} constant rates evenly
     * between the two measured request rates, to find the highest rate a server sustains.
     */
    record Sweep(int rates) implements LoadShape {
        public Sweep {
            if (rates < 1 || rates > MAX_SWEEP_RATES) {
                throw new InvalidRequestException("rate", "For a sweep, rate is the number of constant rates to run,"
                        + " a whole number from 1 to " + MAX_SWEEP_RATES + "; got " + rates + ".");
            }
        }
    }

    /**
     * The shape named by {@code load.type}, from the task runner's {@code user} and {@code rate}: users
     * and their spawn rate for concurrent, requests in flight for throughput, requests/s for constant and
     * poisson, and for sweep, as for guidellm's {@code --rate}, the number of constant rates.
     *
     * @param type {@code concurrent}, {@code synchronous}, {@code throughput}, {@code constant}, {@code poisson} or {@code sweep}
     */
    static LoadShape of(String type, int users, double rate) {
        return switch (type) {
            case "concurrent" -> new Concurrent(users, rate);
            case "synchronous" -> new Synchronous();
            case "throughput" -> new Throughput(users);
            case "constant" -> new Constant(rate);
            case "poisson" -> new Poisson(rate);
            case "sweep" -> new Sweep(sweepRates(rate));
            case null, default -> throw new InvalidRequestException(FIELD, "load.type must be one of concurrent,"
                    + " synchronous, throughput, constant, poisson or sweep; got " + (type == null ? "none" : "\"" + type + "\"") + ".");
        };
    }

    private static int sweepRates(double rate) {
        if (rate != Math.rint(rate) || rate > MAX_SWEEP_RATES) {
            throw new InvalidRequestException("rate", "For a sweep, rate is the number of constant rates to run,"
                    + " a whole number from 1 to " + MAX_SWEEP_RATES + "; got " + rate + ".");
        }
        return (int) rate;
    }

    private static void requireUsers(int users) {
        if (users < 1 || users > MAX_USERS) {
            throw new InvalidRequestException("user", "user must be a whole number from 1 to " + MAX_USERS + ", got " + users + ".");
        }
    }

    private static void requireRate(double rate) {
        if (!(rate > 0) || rate > MAX_RATE) {
            throw new InvalidRequestException("rate", "rate must be a number above 0 and at most " + (long) MAX_RATE + ", got " + rate + ".");
        }
    }
}
