package dev.llmworkbench.application.emulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine's batch: at most {@code maxNumSeqs} sequences running, the rest waiting first come, first
 * served. A waiting sequence holds no thread: the one that frees a slot admits the next in line. The
 * limits are passed on each call, so a change to the settings applies from the next arrival or departure.
 */
final class BatchSlots {
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private int running;

    /**
     * Admits {@code sequence} if a slot is free and nobody waits before it, or queues it.
     * @return the sequences running including this one, or 0 when it waits
     * @throws WaitingQueueFullException when {@code maxWaiting} are waiting already
     */
    synchronized int enter(Sequence sequence, int maxNumSeqs, int maxWaiting, String model) {
        if (waiting.isEmpty() && hasRoom(maxNumSeqs)) {
            return ++running;
        }
        if (maxWaiting > 0 && waiting.size() >= maxWaiting) {
            throw new WaitingQueueFullException(model, waiting.size(), 1);
        }
        waiting.add(sequence);
        return 0;
    }

    /** A running sequence ended: the next ones in line take the free slots, admitted outside the lock. */
    void leave(int maxNumSeqs) {
        List<Sequence> admitted = new ArrayList<>(1);
        int runningNow;
        synchronized (this) {
            running--;
            while (!waiting.isEmpty() && hasRoom(maxNumSeqs)) {
                admitted.add(waiting.poll());
                running++;
            }
            runningNow = running;
        }
        long now = System.nanoTime();
        for (Sequence sequence : admitted) {
            sequence.admit(now, runningNow);
        }
    }

    /** A waiting sequence given up before its turn; false if it was not waiting. */
    synchronized boolean withdraw(Sequence sequence) {
        return waiting.remove(sequence);
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** The load a request arriving now would meet: the running ones and itself, at most the batch size. */
    synchronized int loadOnArrival(int maxNumSeqs) {
        return maxNumSeqs == 0 ? running + 1 : Math.min(running + 1, maxNumSeqs);
    }

    private boolean hasRoom(int maxNumSeqs) {
        return maxNumSeqs == 0 || running < maxNumSeqs;
    }
}
