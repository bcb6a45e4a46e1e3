package dev.llmworkbench.rest.files;

import dev.llmworkbench.application.files.ListFiles;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.FileTooLargeException;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.rest.ApiException;
import dev.llmworkbench.rest.ErrorBody;
import dev.llmworkbench.rest.JsonResponse;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/files} (an upload, read as a stream by {@link FileUploads} on a virtual thread, so a slow 200 MB
 * upload holds no request thread) and {@code GET /v1/files}; one file's endpoints are the JAX-RS {@link FilesResource}.
 */
@WebServlet(name = "files", urlPatterns = FilesServlet.FILES, asyncSupported = true)
public class FilesServlet extends HttpServlet {
    static final String FILES = "/v1/files";
    /** What the multipart framing and the form's other fields may add to the file's own bytes. */
    static final long FORM_OVERHEAD_BYTES = 64 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)^\\s*multipart/form-data\\s*;.*?\\bboundary=(\"([^\"]+)\"|[^;\\s]+)");

    @Inject
    FileUploads uploads;

    @Inject
    ListFiles list;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            switch (request.getMethod()) {
                case "GET" -> JsonResponse.write(response, HttpServletResponse.SC_OK, FileJson.page(list.list(query(request))));
                case "POST" -> upload(request, response);
                default -> {
                    response.setHeader("Allow", "GET, POST");
                    throw new ApiException(405, "invalid_request_error", "Method " + request.getMethod()
                            + " is not allowed for this URL.", null, "method_not_allowed");
                }
            }
        } catch (RuntimeException failure) {
            if ("POST".equals(request.getMethod())) {
                // A refused upload stays unread: closing beats draining up to 200 MB.
                response.setHeader("Connection", "close");
            }
            ErrorBody.write(response, failure);
        }
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) {
        String boundary = boundary(request.getContentType());
        if (request.getContentLengthLong() > uploads.maxBytes() + FORM_OVERHEAD_BYTES) {
            throw tooLarge(uploads.maxBytes());
        }
        AsyncContext async = request.startAsync();
        // The read is bounded by the connection's read timeout (server.xml), not by a total time an upload may take.
        async.setTimeout(0);
        Thread.ofVirtual().name("file-upload").start(() -> {
            HttpServletResponse answer = (HttpServletResponse) async.getResponse();
            try (InputStream body = request.getInputStream()) {
                StoredFile stored = uploads.read(body, boundary);
                JsonResponse.write(answer, HttpServletResponse.SC_OK, FileJson.file(stored));
            } catch (IOException | RuntimeException failure) {
                refuse(answer, failure instanceof FileTooLargeException large ? tooLarge(large.maxBytes()) : failure);
            } finally {
                async.complete();
            }
        });
    }

    private static void refuse(HttpServletResponse answer, Exception failure) {
        try {
            answer.setHeader("Connection", "close");
            ErrorBody.write(answer, failure instanceof RuntimeException runtime ? runtime
                    : ApiException.invalid("file", "The upload could not be read to its end."));
        } catch (IOException | RuntimeException clientGone) {
            // nothing more to tell a client that left
        }
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "invalid_request_error", "File is too large: the limit is " + maxBytes + " bytes.",
                "file", "file_too_large");
    }

    private static String boundary(String contentType) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !boundary.find()) {
            throw new ApiException(415, "invalid_request_error", "Content-Type must be multipart/form-data with a boundary.",
                    "Content-Type", "unsupported_media_type");
        }
        return boundary.group(2) != null ? boundary.group(2) : boundary.group(1);
    }

    private static FileQuery query(HttpServletRequest request) {
        String limit = request.getParameter("limit");
        if (limit != null && (!limit.matches("\\d{1,5}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > FileQuery.MAX_LIMIT)) {
            throw ApiException.invalid("limit", "Invalid 'limit': expected an integer from 1 to " + FileQuery.MAX_LIMIT
                    + ", got '" + ApiException.excerpt(limit, 20) + "'.");
        }
        String order = Optional.ofNullable(request.getParameter("order")).orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiException.invalid("order", "Invalid value for 'order': '" + ApiException.excerpt(order, 20)
                    + "'. Expected 'asc' or 'desc'.");
        }
        return new FileQuery(Optional.ofNullable(request.getParameter("purpose")).map(FilePurpose::parse),
                limit == null ? ListFiles.DEFAULT_LIMIT : Integer.parseInt(limit), order.equals("asc"),
                Optional.ofNullable(request.getParameter("after")).filter(after -> !after.isEmpty()));
    }
}
