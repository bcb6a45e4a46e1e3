package dev.llmworkbench.domain.tokens;

import dev.llmworkbench.domain.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Reads an inline image's width and height from its header (PNG, JPEG, GIF, WebP) while
 * base64-decoding only as many bytes as the header needs; pixels are never decoded.
 */
public final class ImageHeaders {
    private static final int MAX_SCAN_BYTES = 4 * 1024 * 1024;

    private ImageHeaders() {
    }

    /** @param param the request field to blame when the image cannot be read */
    public static ImageSize sizeOfDataUrl(String dataUrl, String param) {
        int comma = dataUrl.indexOf(',');
        if (comma < 0 || !dataUrl.substring(0, comma).endsWith(";base64")) {
            throw invalid(param, "Invalid image URL: a data URL must be of the form data:image/<format>;base64,<data>.");
        }
        try (InputStream in = Base64.getMimeDecoder().wrap(new CharsInputStream(dataUrl, comma + 1))) {
            return read(new Bytes(in), param);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(param, "Invalid image: the base64 data could not be decoded.");
        }
    }

    private static ImageSize read(Bytes in, String param) throws IOException {
        int b0 = in.next(), b1 = in.next(), b2 = in.next(), b3 = in.next();
        if (b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G') {
            in.skip(12); // rest of signature, IHDR length and type
            return new ImageSize(in.int32be(), in.int32be());
        }
        if (b0 == 0xFF && b1 == 0xD8) {
            return jpeg(in, b2, b3, param);
        }
        if (b0 == 'G' && b1 == 'I' && b2 == 'F') {
            in.skip(2);
            return new ImageSize(in.uint16le(), in.uint16le());
        }
        if (b0 == 'R' && b1 == 'I' && b2 == 'F' && b3 == 'F') {
            return webp(in, param);
        }
        throw unsupported(param);
    }

    private static ImageSize jpeg(Bytes in, int marker0, int marker1, String param) throws IOException {
        int prefix = marker0, marker = marker1;
        while (in.position() < MAX_SCAN_BYTES) {
            if (prefix != 0xFF) {
                throw invalid(param, "Invalid image: corrupt JPEG segment.");
            }
            if (marker == 0xFF) { // fill byte
                marker = in.next();
                continue;
            }
            int length = in.uint16be();
            // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                in.skip(1);
                int height = in.uint16be();
                int width = in.uint16be();
                return new ImageSize(width, height);
            }
            in.skip(length - 2);
            prefix = in.next();
            marker = in.next();
        }
        throw invalid(param, "Invalid image: no JPEG frame header found.");
    }

    private static ImageSize webp(Bytes in, String param) throws IOException {
        in.skip(4);
        if (in.next() != 'W' || in.next() != 'E' || in.next() != 'B' || in.next() != 'P') {
            throw unsupported(param);
        }
        String chunk = "" + (char) in.next() + (char) in.next() + (char) in.next() + (char) in.next();
        in.skip(4); // chunk size
        switch (chunk) {
            case "VP8 " -> {
                in.skip(6); // frame tag and start code
                return new ImageSize(in.uint16le() & 0x3FFF, in.uint16le() & 0x3FFF);
            }
            case "VP8L" -> {
                in.skip(1); // signature 0x2F
                long bits = in.next() | (in.next() << 8) | (in.next() << 16) | ((long) in.next() << 24);
                return new ImageSize((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                in.skip(4); // flags and reserved
                return new ImageSize(in.uint24le() + 1, in.uint24le() + 1);
            }
            default -> throw invalid(param, "Invalid image: unknown WebP chunk " + chunk.strip() + ".");
        }
    }

    private static InvalidRequestException unsupported(String param) {
        return invalid(param, "You uploaded an unsupported image. Please make sure your image has of one the following formats: ['png', 'jpeg', 'gif', 'webp'].");
    }

    private static InvalidRequestException invalid(String param, String message) {
        return new InvalidRequestException(param, message);
    }

    /** Big- and little-endian reads over a stream that ends in an error, not in -1. */
    private static final class Bytes {
        private final InputStream in;
        private long position;

        Bytes(InputStream in) {
            this.in = in;
        }

        long position() {
            return position;
        }

        int next() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new IOException("truncated image");
            }
            position++;
            return b;
        }

        void skip(int count) throws IOException {
            if (count < 0) {
                throw new IOException("negative segment length");
            }
            for (int i = 0; i < count; i++) {
                next();
            }
        }

        int uint16be() throws IOException {
            return (next() << 8) | next();
        }

        int uint16le() throws IOException {
            return next() | (next() << 8);
        }

        int uint24le() throws IOException {
            return next() | (next() << 8) | (next() << 16);
        }

        int int32be() throws IOException {
            long value = ((long) next() << 24) | (next() << 16) | (next() << 8) | next();
            if (value > Integer.MAX_VALUE) {
                throw new IOException("image dimension out of range");
            }
            return (int) value;
        }
    }

    /** The base64 text of a data URL as bytes, without copying the (possibly megabytes long) string. */
    private static final class CharsInputStream extends InputStream {
        private final String text;
        private int index;

        CharsInputStream(String text, int start) {
            this.text = text;
            this.index = start;
        }

        @Override
        public int read() {
            return index < text.length() ? text.charAt(index++) & 0xFF : -1;
        }
    }
}
