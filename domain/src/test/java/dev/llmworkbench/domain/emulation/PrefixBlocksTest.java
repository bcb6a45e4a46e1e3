package dev.llmworkbench.domain.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrefixBlocksTest {
    @Test
    void promptsShareBlockHashesExactlyAsFarAsTheyShareAPrefix() {
        int[] first = IntStream.range(0, 48).toArray();
        int[] second = first.clone();
        second[40] = 9999;
        long[] a = PrefixBlocks.hashes(7, first, 16);
        long[] b = PrefixBlocks.hashes(7, second, 16);
        assertEquals(3, a.length);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertNotEquals(a[2], b[2]);
    }

    @Test
    void aChangeEarlyInThePromptChangesEveryLaterBlock() {
        int[] first = IntStream.range(0, 48).toArray();
        int[] second = first.clone();
        second[0] = 9999;
        long[] a = PrefixBlocks.hashes(7, first, 16);
        long[] b = PrefixBlocks.hashes(7, second, 16);
        for (int block = 0; block < 3; block++) {
            assertNotEquals(a[block], b[block]);
        }
    }

    @Test
    void onlyFullBlocksAreHashed() {
        assertEquals(2, PrefixBlocks.hashes(7, new int[47], 16).length);
        assertEquals(0, PrefixBlocks.hashes(7, new int[15], 16).length);
    }
}
