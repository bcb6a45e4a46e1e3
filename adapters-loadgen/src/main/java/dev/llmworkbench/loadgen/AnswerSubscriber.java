package dev.llmworkbench.loadgen;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Feeds a 200 answer to an {@link AnswerTracker} read by read, stamping each read with {@link System#nanoTime()}
 * as it arrives. It asks for a window of reads at a time: every {@code request} re-arms the connection's read event
 * through the client's selector thread, which one request per read made the costliest part of a streamed answer
 * (docs/BENCHMARKS.md); a bounded window still lets a slow tracker slow the connection instead of queueing bytes.
 */
final class AnswerSubscriber implements BodySubscriber<Answer> {

    private final AnswerTracker tracker;
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private static final int WINDOW = 16;

    private Flow.Subscription subscription;
    private int leftInWindow;

    AnswerSubscriber(AnswerTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public CompletionStage<Answer> getBody() {
        return answer;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        leftInWindow = WINDOW;
        subscription.request(WINDOW);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        tracker.arrived(item, System.nanoTime());
        if (--leftInWindow == 0) {
            leftInWindow = WINDOW;
            subscription.request(WINDOW);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        answer.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        answer.complete(tracker.ended(System.nanoTime()));
    }
}
