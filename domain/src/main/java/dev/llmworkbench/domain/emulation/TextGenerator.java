package dev.llmworkbench.domain.emulation;

import dev.llmworkbench.domain.tokens.TokenEncoding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Produces text of an exact token count. Every piece is one token of the model's encoding and the
 * encoding's pre-tokenizer splits the joined text at the same boundaries (a word with its leading
 * space, or a period), so the text encodes back to exactly as many tokens as pieces, and each
 * piece, streamed as one chunk, is whole UTF-8.
 */
public final class TextGenerator {
    private static final String[] WORDS = ("""
            the of and to in is that for it as was with be by on not he this are or his from at which
            but have an they you were her she there been one all we their has would when if so no will
            more can out other up what about time them into some could only then its also two like
            first new these any may people now after well way even because made over did many over
            before must through back years where much your way down should just those each how most
            world long still own see work life under same great might never last while found another
            house small part place water number sound light day night river city model token stream
            answer question reason system value state point simple future moment quiet bright green
            open clear early market story idea table window garden friend morning evening summer""")
            .strip().split("\\s+");

    private static final Map<TokenEncoding, Vocabulary> VOCABULARIES = new EnumMap<>(TokenEncoding.class);

    private record Vocabulary(List<String> words, List<String> starters, List<String> spacedStarters) {
    }

    private TextGenerator() {
    }

    private static synchronized Vocabulary vocabulary(TokenEncoding encoding) {
        return VOCABULARIES.computeIfAbsent(encoding, TextGenerator::build);
    }

    private static Vocabulary build(TokenEncoding encoding) {
        List<String> words = new ArrayList<>();
        List<String> starters = new ArrayList<>();
        List<String> spacedStarters = new ArrayList<>();
        for (String word : WORDS) {
            String capital = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            if (encoding.count(" " + word) == 1 && !words.contains(" " + word)) {
                words.add(" " + word);
            }
            if (encoding.count(capital) == 1 && encoding.count(" " + capital) == 1 && !starters.contains(capital)) {
                starters.add(capital);
                spacedStarters.add(" " + capital);
            }
        }
        return new Vocabulary(List.copyOf(words), List.copyOf(starters), List.copyOf(spacedStarters));
    }

    /** One-token words of the encoding, each with its leading space: what {@link Logprobs} offers as alternatives. */
    static List<String> alternatives(TokenEncoding encoding) {
        return vocabulary(encoding).words();
    }

    /**
     * @return {@code tokens} pieces, each one token: sentences of 4 to 12 words ending in a period
     */
    public static List<String> pieces(TokenEncoding encoding, int tokens, long seed) {
        Vocabulary vocabulary = vocabulary(encoding);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> pieces = new ArrayList<>(tokens);
        int wordsLeft = -1; // -1: no sentence open
        while (pieces.size() < tokens) {
            boolean last = tokens - pieces.size() == 1;
            if (wordsLeft < 0) {
                List<String> starters = pieces.isEmpty() ? vocabulary.starters() : vocabulary.spacedStarters();
                pieces.add(starters.get(random.nextInt(starters.size())));
                wordsLeft = 3 + random.nextInt(9);
            } else if (wordsLeft > 0 && !(last && tokens > 2)) {
                pieces.add(vocabulary.words().get(random.nextInt(vocabulary.words().size())));
                wordsLeft--;
            } else {
                pieces.add(".");
                wordsLeft = -1;
            }
        }
        return pieces;
    }
}
