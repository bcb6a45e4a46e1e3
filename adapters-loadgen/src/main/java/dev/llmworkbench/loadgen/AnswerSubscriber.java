package dev.llmworkbench.loadgen;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Feeds a 200 answer to an {@link AnswerTracker} read by read, stamping each read with {@link System#nanoTime()}
 * as it arrives. It asks for one read at a time, so a slow tracker slows the connection instead of queueing bytes.
 */
final class AnswerSubscriber implements BodySubscriber<Answer> {

    private final AnswerTracker tracker;
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private Flow.Subscription subscription;

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
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        tracker.arrived(item, System.nanoTime());
        subscription.request(1);
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
