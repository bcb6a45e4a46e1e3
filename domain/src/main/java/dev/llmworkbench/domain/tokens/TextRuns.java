package dev.llmworkbench.domain.tokens;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Cuts text so that no run of one character class (letters and marks, whitespace, or other
 * symbols) is longer than {@link #MAX_RUN} characters. tiktoken's split patterns make one piece of
 * such a run, and byte-pair encoding of one piece costs more than linear time in its length: one
 * 16 MB run of {@code a} took 22.7 s (issue 15). Text without such a run is one segment, so its
 * count is exact; a longer run is cut every {@code MAX_RUN} characters, which may move a token or
 * two at each cut. Digits never form long pieces (tiktoken takes at most three at a time).
 * Long text is also cut, every {@link #SEGMENT} characters or so, before a space that follows a
 * non-space and precedes a letter: both encodings' patterns start a piece there whatever the
 * context, so that cut changes no count, and lets a count stop early once it passes a limit.
 */
final class TextRuns implements Iterator<String> {
    /** Twice the longest token (128 bytes) of every supported encoding, far above any word of natural text. */
    static final int MAX_RUN = 256;
    static final int SEGMENT = 8192;

    private static final int LETTER = 0;
    private static final int SPACE = 1;
    private static final int DIGIT = 2;
    private static final int SYMBOL = 3;

    private final String text;
    private int start;

    private TextRuns(String text) {
        this.text = text;
    }

    static Iterable<String> of(String text) {
        return () -> new TextRuns(text);
    }

    @Override
    public boolean hasNext() {
        return start < text.length();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int end = cut(start);
        String segment = text.substring(start, end);
        start = end;
        return segment;
    }

    /** The end of the segment from {@code from}: the text's end, or where a run grows past {@link #MAX_RUN}. */
    private int cut(int from) {
        int runClass = -1;
        int runLength = 0;
        int i = from;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            int kind = kind(codePoint);
            runLength = kind == runClass && kind != DIGIT ? runLength + width : width;
            runClass = kind;
            if (runLength > MAX_RUN || (i - from >= SEGMENT && isPieceStart(i))) {
                return i;
            }
            i += width;
        }
        return i;
    }

    private boolean isPieceStart(int i) {
        return text.charAt(i) == ' ' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))
                && !Character.isWhitespace(text.charAt(i - 1));
    }

    private static int kind(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return LETTER;
        }
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return SPACE;
        }
        return switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> LETTER;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> DIGIT;
            default -> SYMBOL;
        };
    }
}
