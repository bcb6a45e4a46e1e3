package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import dev.llmworkbench.domain.emulation.FailurePlan;
import dev.llmworkbench.rest.ErrorBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The three ways an emulated response leaves, as JAX-RS sub-resources: a resource's locator decides
 * the emulation first and then returns the one that fits, so a response already due pays for no
 * suspension, a delayed one holds no thread, and a stream gets an SSE sink.
 */
final class Delivery {
    private Delivery() {
    }

    static Object of(Emitter emitter, Emulation emulation, boolean stream, Supplier<String> body, StreamFormat format) {
        if (stream) {
            if (emulation.failure() instanceof FailurePlan.Reject(int status)) {
                emulation.finish();
                throw ErrorBody.forStatus(status);
            }
            return new Streamed(emitter, emulation, format);
        }
        return Emitter.isDueNow(emulation) ? new Immediate(emulation, body) : new Delayed(emitter, emulation, body);
    }

    public static final class Immediate {
        private final Emulation emulation;
        private final Supplier<String> body;

        Immediate(Emulation emulation, Supplier<String> body) {
            this.emulation = emulation;
            this.body = body;
        }

        @POST
        @Produces(MediaType.APPLICATION_JSON)
        public Response send() {
            return Emitter.respondNow(emulation, body);
        }
    }

    public static final class Delayed {
        private final Emitter emitter;
        private final Emulation emulation;
        private final Supplier<String> body;

        Delayed(Emitter emitter, Emulation emulation, Supplier<String> body) {
            this.emitter = emitter;
            this.emulation = emulation;
            this.body = body;
        }

        @POST
        @Produces(MediaType.APPLICATION_JSON)
        public void send(@Suspended AsyncResponse response) {
            emitter.respondLater(response, emulation, body);
        }
    }

    public static final class Streamed {
        private final Emitter emitter;
        private final Emulation emulation;
        private final StreamFormat format;

        Streamed(Emitter emitter, Emulation emulation, StreamFormat format) {
            this.emitter = emitter;
            this.emulation = emulation;
            this.format = format;
        }

        /**
         * Suspended so JAX-RS writes nothing itself; the events go out through the servlet response
         * (see {@link EventSink}), and the stream completes the async context when it ends.
         */
        @POST
        @Produces(MediaType.SERVER_SENT_EVENTS)
        public void send(@Suspended AsyncResponse suspended, @Context HttpServletRequest request,
                         @Context HttpServletResponse response) throws IOException {
            emitter.stream(EventSink.open(request.getAsyncContext(), response), emulation, format);
        }
    }
}
