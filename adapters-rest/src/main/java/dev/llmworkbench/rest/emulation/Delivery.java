package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The three ways an emulated response leaves the request suspended while its body was read: one
 * already due is written at once, a delayed one holds no thread until the emitter writes it, and a
 * stream goes to the {@link EventSink}. A response waiting for a batch slot holds no thread either:
 * the thread that frees the slot hands its delivery to the emitter.
 */
final class Delivery {
    private Delivery() {
    }

    static void send(Emitter emitter, Emulated emulated, boolean stream, AsyncContext async) throws IOException {
        if (emulated.emulation().isAdmitted()) {
            deliver(emitter, emulated, stream, async);
        } else {
            emulated.emulation().whenAdmitted(() -> emitter.at(System.nanoTime(), () -> deliverAdmitted(emitter, emulated, stream, async)));
        }
    }

    private static void deliverAdmitted(Emitter emitter, Emulated emulated, boolean stream, AsyncContext async) {
        try {
            deliver(emitter, emulated, stream, async);
        } catch (IOException | RuntimeException failure) {
            try {
                ErrorBody.write((HttpServletResponse) async.getResponse(), failure);
            } catch (IOException | RuntimeException clientGone) {
                // nothing to tell a client that left
            } finally {
                async.complete();
            }
        }
    }

    private static void deliver(Emitter emitter, Emulated emulated, boolean stream, AsyncContext async) throws IOException {
        Emulation emulation = emulated.emulation();
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        try {
            if (stream) {
                if (emulation.failure() instanceof FailurePlan.Reject reject) {
                    throw ErrorBody.forFailure(reject);
                }
                emitter.stream(EventSink.open(async, response), emulation, emulated.format());
            } else if (Emitter.isDueNow(emulation)) {
                respond(response, emulated);
                async.complete();
            } else {
                emitter.at(emulation.completeNanoTime(), () -> {
                    try {
                        respond((HttpServletResponse) async.getResponse(), emulated);
                    } catch (IOException | RuntimeException clientGone) {
                        // nothing to tell a client that left
                    } finally {
                        async.complete();
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            emulation.finish();
            throw e;
        }
    }

    /** The emulation's whole answer as it is now, or its injected failure. */
    private static void respond(HttpServletResponse response, Emulated emulated) throws IOException {
        Emulation emulation = emulated.emulation();
        try {
            if (emulation.failure() instanceof FailurePlan.Reject reject) {
                ErrorBody.write(response, ErrorBody.forFailure(reject));
                return;
            }
            String body = emulated.body().get();
            emulation.completed();
            JsonResponse.write(response, HttpServletResponse.SC_OK, body);
        } finally {
            emulation.finish();
        }
    }
}
