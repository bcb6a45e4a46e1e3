package dev.llmworkbench.rest.files;

import dev.llmworkbench.domain.files.FileTooLargeException;
import dev.llmworkbench.rest.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part from the request stream, through one buffer of
 * {@value #BUFFER_BYTES} bytes, so a part of any size passes through without being held in memory: Liberty's own
 * multipart support decides by itself where parts are buffered, and an upload must never be read whole.
 */
final class MultipartReader {
    static final int BUFFER_BYTES = 64 * 1024;
    static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final Pattern NAME = parameter("name");
    private static final Pattern FILENAME = parameter("filename");

    /** A part's name and, for a file, the file's name as the client gave it (without any folders). */
    record Head(String name, Optional<String> filename) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int start;
    private int end;
    private boolean bodyUnread;
    private boolean finished;

    private MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary has no line break before it; one is supplied so that every boundary reads alike, and
        // whatever precedes it (the preamble) is the body of a part nobody reads.
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
        bodyUnread = true;
    }

    /** A reader of {@code in}; the boundary comes from the request's Content-Type, at most 70 characters (RFC 2046). */
    static MultipartReader of(InputStream in, String boundary) {
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw malformed("its boundary must have 1 to 70 characters");
        }
        return new MultipartReader(in, boundary);
    }

    /** The next part's head, its body left to read; empty after the last part. */
    Optional<Head> next() throws IOException {
        if (bodyUnread) {
            transferTo(OutputStream.nullOutputStream(), Long.MAX_VALUE);
        }
        if (finished) {
            return Optional.empty();
        }
        require(2);
        if (buffer[start] == '-' && buffer[start + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        String head = head();
        bodyUnread = true;
        Matcher name = NAME.matcher(head);
        if (!name.find()) {
            throw malformed("a part has no Content-Disposition name");
        }
        Matcher filename = FILENAME.matcher(head);
        return Optional.of(new Head(unquote(name.group(1)), filename.find()
                ? Optional.of(withoutFolders(unquote(filename.group(1)))) : Optional.empty()));
    }

    /** Copies the current part's body to {@code out}; past {@code maxBytes} it stops with FileTooLargeException. */
    long transferTo(OutputStream out, long maxBytes) throws IOException {
        long count = 0;
        while (true) {
            int at = indexOfDelimiter();
            int last = at >= 0 ? at : end - (delimiter.length - 1);
            if (last > start) {
                count += last - start;
                if (count > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                out.write(buffer, start, last - start);
                start = last;
            }
            if (at >= 0) {
                start += delimiter.length;
                bodyUnread = false;
                return count;
            }
            if (!fill()) {
                throw malformed("it ended before its closing boundary");
            }
        }
    }

    /** The current part's body as UTF-8 text of at most {@code maxBytes}, for a form field. */
    String text(String field, int maxBytes) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            transferTo(text, maxBytes);
        } catch (FileTooLargeException tooLong) {
            throw ApiException.invalid(field, "Invalid '" + field + "': longer than " + maxBytes + " bytes.");
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** The rest of the boundary line (transport padding, then CRLF) and the part's header lines, up to the blank one. */
    private String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int previous = '\n';
        boolean boundaryLine = true;
        for (int read = 0; ; read++) {
            require(1);
            int b = buffer[start++];
            if (read > MAX_HEAD_BYTES) {
                throw malformed("a part's headers are longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (boundaryLine) {
                boundaryLine = b != '\n';
                continue;
            }
            head.write(b);
            if (b == '\n' && previous == '\n') {
                return head.toString(StandardCharsets.UTF_8);
            }
            if (b != '\r') {
                previous = b;
            }
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        for (int i = start; i <= end - delimiter.length; i++) {
            if (buffer[i] == first && matchesAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(int i) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer[i + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    private void require(int bytes) throws IOException {
        while (end - start < bytes) {
            if (!fill()) {
                throw malformed("it ended before its closing boundary");
            }
        }
    }

    /** Moves what is left to the front and reads more after it; false at the end of the stream. */
    private boolean fill() throws IOException {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        return true;
    }

    private static Pattern parameter(String name) {
        return Pattern.compile("(?im)^content-disposition:.*?;\\s*" + name + "=(\"[^\"]*\"|[^;\\s]+)");
    }

    /** Browsers send a quote in a name as %22 and a backslash as itself (the HTML standard), so nothing is unescaped. */
    private static String unquote(String value) {
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** Old browsers send the whole path; only its last segment is the file's name. */
    private static String withoutFolders(String filename) {
        return filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
    }

    static ApiException malformed(String why) {
        return ApiException.invalid(null, "Invalid multipart/form-data body: " + why + ".");
    }
}
