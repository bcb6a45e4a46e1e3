package dev.llmworkbench.domain.tokens;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

/** Minimal image headers of each format, enough for a header reader and no more. */
final class Images {
    private Images() {
    }

    static String dataUrl(String mime, byte[] bytes) {
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    static String pngDataUrl(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        png.put(new byte[] {8, 6, 0, 0, 0}).putInt(0);
        return dataUrl("image/png", png.array());
    }

    static byte[] jpeg(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        // an APP0 (JFIF) segment the reader has to skip, then a baseline SOF0 frame header
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 17, 8,
                (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3});
        out.writeBytes(new byte[9]);
        return out.toByteArray();
    }

    static byte[] gif(int width, int height) {
        return new byte[] {'G', 'I', 'F', '8', '9', 'a', (byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8), 0, 0, 0};
    }

    static byte[] webpVp8x(int width, int height) {
        ByteBuffer webp = ByteBuffer.allocate(30);
        webp.put(new byte[] {'R', 'I', 'F', 'F', 22, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 10, 0, 0, 0, 0, 0, 0, 0});
        int w = width - 1, h = height - 1;
        webp.put(new byte[] {(byte) w, (byte) (w >> 8), (byte) (w >> 16), (byte) h, (byte) (h >> 8), (byte) (h >> 16)});
        return webp.array();
    }
}
