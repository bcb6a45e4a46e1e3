package dev.llmworkbench.application.gateway;

import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.domain.gateway.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Records completions without slowing the answer: {@link #record} only offers the row to a bounded queue, and one
 * writer thread appends whatever has gathered in one batch (one transaction in SQLite, instead of one per row).
 * A full queue drops the row and counts it, rather than hold a response or grow without bound. {@link #close()}
 * writes every row already queued, so a normal shutdown loses nothing; a crash loses at most the queue.
 */
public final class CompletionRecorder implements AutoCloseable {
    private final CompletionLog log;
    private final BlockingQueue<Completion> queue;
    private final int batchSize;
    private final Consumer<RuntimeException> onWriteFailure;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param capacity       rows that may wait for the writer
     * @param batchSize      rows written in one append at most
     * @param onWriteFailure told when a batch could not be written (its rows are lost), so it can be logged
     */
    public CompletionRecorder(CompletionLog log, int capacity, int batchSize, ThreadFactory threads,
                              Consumer<RuntimeException> onWriteFailure) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batch size must be at least 1");
        }
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.onWriteFailure = onWriteFailure;
        this.writer = threads.newThread(this::drain);
        writer.start();
    }

    /** @return false when the row was dropped: the queue was full or the recorder closed */
    public boolean record(Completion row) {
        if (closed || !queue.offer(row)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<Completion> batch = new ArrayList<>(batchSize);
        while (!(closed && queue.isEmpty())) {
            try {
                Completion first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                log.append(batch);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                onWriteFailure.accept(failure);
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops taking rows, then waits until every queued row is written. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
