package dev.llmworkbench.domain.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * The tiktoken encodings OpenAI's models use. Text is always encoded as ordinary text, so a
 * prompt that contains {@code <|endoftext|>} is counted, not rejected. Text is handed to the
 * encoder in {@link TextRuns} segments, so the cost stays linear in the text's length.
 */
public enum TokenEncoding {
    CL100K_BASE(EncodingType.CL100K_BASE),
    O200K_BASE(EncodingType.O200K_BASE),
    P50K_BASE(EncodingType.P50K_BASE);

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final EncodingType type;

    TokenEncoding(EncodingType type) {
        this.type = type;
    }

    public String wireName() {
        return type.getName();
    }

    private Encoding encoding() {
        return REGISTRY.getEncoding(type);
    }

    /**
     * No token of cl100k_base, o200k_base or p50k_base is longer than 128 bytes, and a UTF-16 char
     * is at least one UTF-8 byte, so text of {@code n} chars holds at least {@code n / 128} tokens.
     */
    public static final int MAX_TOKEN_CHARS = 128;

    /** A lower bound on the tokens of {@code text}, without encoding it. */
    public static int atLeast(String text) {
        return (text.length() + MAX_TOKEN_CHARS - 1) / MAX_TOKEN_CHARS;
    }

    public int count(String text) {
        return countUpTo(text, Integer.MAX_VALUE);
    }

    /** The token count of {@code text}, or, once it is known to exceed {@code limit}, some count above it. */
    public int countUpTo(String text, int limit) {
        long total = 0;
        String previous = null;
        int previousCount = 0;
        for (String segment : TextRuns.of(text)) {
            // A long run is cut into equal segments: encode one, not thousands.
            if (!segment.equals(previous)) {
                previous = segment;
                previousCount = encoding().countTokensOrdinary(segment);
            }
            total += previousCount;
            if (total > limit) {
                break;
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    public int[] encode(String text) {
        IntArrayList tokens = new IntArrayList();
        String previous = null;
        IntArrayList encoded = null;
        for (String segment : TextRuns.of(text)) {
            if (!segment.equals(previous)) {
                previous = segment;
                encoded = encoding().encodeOrdinary(segment);
            }
            for (int i = 0; i < encoded.size(); i++) {
                tokens.add(encoded.get(i));
            }
        }
        return tokens.toArray();
    }

    /** Whether {@code id} is a token of this encoding; the encodings' id ranges have holes. */
    public boolean isToken(int id) {
        if (id < 0) {
            return false;
        }
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        try {
            encoding().decodeBytes(one);
            return true;
        } catch (RuntimeException unknownId) {
            // jtokkit reports an id outside its vocabulary only by throwing
            return false;
        }
    }

    public String decode(int[] tokens) {
        IntArrayList list = new IntArrayList(tokens.length);
        for (int token : tokens) {
            list.add(token);
        }
        return encoding().decode(list);
    }

    /** One token's bytes; they may be part of a character. */
    public byte[] bytes(int token) {
        IntArrayList one = new IntArrayList(1);
        one.add(token);
        return encoding().decodeBytes(one);
    }

    /**
     * Splits text into its tokens' strings. A token that ends inside a multi-byte character is
     * joined with the next, so every piece is whole UTF-8; the pieces join back to {@code text}.
     */
    public java.util.List<String> pieces(String text) {
        int[] tokens = encode(text);
        java.util.List<String> pieces = new java.util.ArrayList<>(tokens.length);
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        IntArrayList one = new IntArrayList(1);
        for (int token : tokens) {
            one.clear();
            one.add(token);
            pending.writeBytes(encoding().decodeBytes(one));
            byte[] bytes = pending.toByteArray();
            if (isCompleteUtf8(bytes)) {
                pieces.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                pending.reset();
            }
        }
        return pieces;
    }

    private static boolean isCompleteUtf8(byte[] bytes) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Encodings by model name, as tiktoken's {@code encoding_for_model} maps OpenAI's ids; any other id
     * (a local model, an id of the caller's own) gets o200k_base, the encoding of every current OpenAI model.
     */
    public static TokenEncoding forModel(String model) {
        String id = model.startsWith("ft:") ? model.substring(3) : model;
        if (id.startsWith("text-davinci-") || id.startsWith("code-davinci-") || id.startsWith("code-cushman-")) {
            return P50K_BASE;
        }
        if (id.startsWith("gpt-4o") || id.startsWith("gpt-4.1") || id.startsWith("gpt-4.5") || id.startsWith("chatgpt-4o")) {
            return O200K_BASE;
        }
        if (id.equals("gpt-4") || id.startsWith("gpt-4-") || id.startsWith("gpt-3.5") || id.startsWith("gpt-35-")
                || id.startsWith("text-embedding-") || id.equals("davinci-002") || id.equals("babbage-002")) {
            return CL100K_BASE;
        }
        return O200K_BASE;
    }
}
