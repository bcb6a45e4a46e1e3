package dev.llmworkbench.loadgen;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * Follows one exchange on Jetty's threads: a 200 answer goes read by read to an {@link AnswerTracker}, each read
 * stamped with {@link System#nanoTime()} as Jetty hands it over, then released (nothing is buffered whole but a
 * non-streamed body, which is read at its end anyway); the exchange's end becomes an {@link Outcome}, its failure
 * classified. Jetty asks for the next read only when {@link #onContent} returned, so a slow tracker slows the
 * connection instead of queueing bytes.
 */
final class AnswerListener implements Response.Listener {

    /** What came back: the status (0 before any), the answer of a 200, and what failed, if anything. */
    record Outcome(int status, Optional<Answer> answer, Optional<ErrorClass> error) {

        static Outcome failure(int status, ErrorClass error) {
            return new Outcome(status, Optional.empty(), Optional.of(error));
        }
    }

    private final AnswerTracker tracker;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private volatile int status;

    AnswerListener(AnswerTracker tracker) {
        this.tracker = tracker;
    }

    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    @Override
    public void onHeaders(Response response) {
        status = response.getStatus();
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        // Another status's body (an error document) is not an answer: it is drained unread.
        if (status == 200) {
            tracker.arrived(content, System.nanoTime());
        }
    }

    @Override
    public void onComplete(Result result) {
        long endedNanos = System.nanoTime();
        int code = status;
        if (result.isSucceeded()) {
            if (code == 200) {
                Answer answer = tracker.ended(endedNanos);
                outcome.complete(new Outcome(200, Optional.of(answer), answer.error()));
            } else {
                outcome.complete(Outcome.failure(code, new ErrorClass.HttpStatus(code)));
            }
            return;
        }
        outcome.complete(Outcome.failure(code, classify(result.getFailure(), code)));
    }

    static ErrorClass classify(Throwable failure, int status) {
        // Jetty fails a connect that outlasts its timeout with a SocketTimeoutException ("Connect Timeout").
        if (failure instanceof ConnectException || failure instanceof SocketTimeoutException
                || failure instanceof UnresolvedAddressException || failure instanceof UnknownHostException) {
            return new ErrorClass.Connect();
        }
        // The request's total timeout and the connection's idle timeout both fail with this.
        if (failure instanceof TimeoutException) {
            return new ErrorClass.Timeout();
        }
        if (status != 0 && status != 200) {
            return new ErrorClass.HttpStatus(status);
        }
        // A 200 that failed part-way lost its connection, whatever the failure's class (an early EOF, a chunk cut
        // short); before any status, so did an I/O error. Anything else is an answer that was not HTTP.
        return status == 200 || failure instanceof IOException ? new ErrorClass.StreamCut() : new ErrorClass.BadBody();
    }
}
