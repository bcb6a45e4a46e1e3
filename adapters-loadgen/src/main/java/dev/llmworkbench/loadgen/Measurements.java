package dev.llmworkbench.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a driver feeds while it runs: every sample into the run's figures and its per-second series. */
public final class Measurements {

    private final Distributions distributions = new Distributions();
    private final SecondSeries series;

    public Measurements(Instant start) {
        this.series = new SecondSeries(start);
    }

    public void record(RequestSample sample) {
        distributions.record(sample);
        series.record(sample);
    }

    public void activeUsers(Instant at, int users) {
        series.activeUsers(at, users);
    }

    public RunFigures figures(Duration elapsed) {
        return distributions.figures(elapsed);
    }

    public List<SeriesPoint> series() {
        return series.points();
    }
}
