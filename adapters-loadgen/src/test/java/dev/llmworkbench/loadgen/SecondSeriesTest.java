package dev.llmworkbench.loadgen;

import static dev.llmworkbench.loadgen.Samples.START;
import static dev.llmworkbench.loadgen.Samples.failed;
import static dev.llmworkbench.loadgen.Samples.ms;
import static dev.llmworkbench.loadgen.Samples.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SecondSeriesTest {

    @Test
    void countsEachRequestInTheSecondItFinished() {
        SecondSeries series = new SecondSeries(START);
        // Sent at 0.9 s, 200 ms long: finishes in second 1, not in second 0 where it was sent.
        series.record(ok(ms(900), ms(100), List.of(), ms(200), 5, 4));
        series.record(ok(ms(100), ms(50), List.of(), ms(60), 5, 6));
        series.record(ok(ms(1500), ms(300), List.of(), ms(400), 5, 1));
        series.record(failed(ms(1000), ms(10), 500, new ErrorClass.HttpStatus(500)));
        series.activeUsers(START.plus(ms(10)), 3);
        series.activeUsers(START.plus(ms(500)), 7);
        series.activeUsers(START.plus(ms(700)), 5);

        List<SeriesPoint> points = series.points();

        assertEquals(2, points.size());
        assertEquals(new SeriesPoint(0, 7, 1, 6, 50, 50, 0), strip(points.get(0)));
        // No count was noted in second 1: the 5 users noted last in second 0 were still active.
        assertEquals(new SeriesPoint(1, 5, 3, 5, 100, 300, 0), strip(points.get(1)));
        assertEquals(0, points.get(0).errors());
        assertEquals(1, points.get(1).errors());
    }

    @Test
    void aSecondsTtftReadOnceStillTakesATtftThatLandsInItLater() {
        SecondSeries series = new SecondSeries(START);
        series.record(ok(ms(100), ms(50), List.of(), ms(60), 5, 6));
        series.record(ok(ms(1_100), ms(80), List.of(), ms(100), 5, 6));
        List<SeriesPoint> before = series.points();
        series.record(ok(ms(200), ms(400), List.of(), ms(500), 5, 6));

        List<SeriesPoint> after = series.points();

        assertEquals(new SeriesPoint(0, 0, 1, 6, 50, 50, 0), strip(before.get(0)));
        // Second 0 now holds TTFTs of 50 and 400 ms: nearest-rank p50 is 50, p99 is 400. Second 1 is unchanged.
        assertEquals(new SeriesPoint(0, 0, 2, 12, 50, 400, 0), strip(after.get(0)));
        assertEquals(strip(before.get(1)), strip(after.get(1)));
    }

    @Test
    void aSecondWithoutANoteShowsTheUsersLastNotedAndANoteOfNoneStaysNone() {
        SecondSeries series = new SecondSeries(START);
        series.activeUsers(START.plus(ms(100)), 8);
        series.activeUsers(START.plus(ms(900)), 4);
        series.record(ok(ms(1_000), ms(100), List.of(), ms(200), 5, 3));
        series.record(ok(ms(1_500), ms(100), List.of(), ms(1_200), 5, 3));
        series.activeUsers(START.plus(ms(3_100)), 0);

        List<Integer> users = series.points().stream().map(SeriesPoint::activeUsers).toList();

        assertEquals(List.of(8, 4, 4, 0), users, "seconds 0 to 3: the most noted, then carried, then a noted none");
    }

    @Test
    void countsEveryRequestRecordedFromManyVirtualThreads() {
        SecondSeries series = new SecondSeries(START);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 100; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        series.record(ok(ms(i * 30), ms(10), List.of(), ms(10), 1, 2));
                    }
                });
            }
        }
        long requests = series.points().stream().mapToLong(SeriesPoint::requests).sum();
        long tokens = series.points().stream().mapToLong(SeriesPoint::outputTokens).sum();
        assertEquals(10_000, requests);
        assertEquals(20_000, tokens);
        // Finishing at 10 ms to 2980 ms after the start, the requests fall in seconds 0, 1 and 2.
        assertEquals(List.of(0L, 1L, 2L), series.points().stream().map(SeriesPoint::second).toList());
    }

    private static SeriesPoint strip(SeriesPoint point) {
        return new SeriesPoint(point.second(), point.activeUsers(), point.requests(), point.outputTokens(),
                Math.round(point.ttftP50Ms()), Math.round(point.ttftP99Ms()), 0);
    }
}
