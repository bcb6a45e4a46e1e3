package dev.llmworkbench.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code workbench.http.max-body-bytes} for the JAX-RS endpoints that take a body ({@code POST /v1/batches}, the
 * cancels, {@code /process-payload/}, {@code PATCH /api/emulator/config}), as {@link RequestBodies} keeps it for the
 * servlets: a declared length past it is a 413 before a byte is read, and a body that grows past it (chunked, or
 * longer than declared) ends with the 413 at the first byte over.
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodyLimitFilter implements ContainerRequestFilter {
    @Inject
    RequestBodies bodies;

    @Override
    public void filter(ContainerRequestContext request) {
        long maxBytes = bodies.maxBytes();
        if (request.getLength() > maxBytes) {
            // The body stays unread: closing beats draining what may be gigabytes.
            request.abortWith(Response.fromResponse(ErrorBody.response(JsonBody.tooLarge(maxBytes))).header("Connection", "close").build());
            return;
        }
        request.setEntityStream(new Counted(request.getEntityStream(), maxBytes));
    }

    /** The body, refused with the 413 once more than {@code maxBytes} of it were read. */
    static final class Counted extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Counted(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw JsonBody.tooLarge(maxBytes);
            }
        }
    }
}
