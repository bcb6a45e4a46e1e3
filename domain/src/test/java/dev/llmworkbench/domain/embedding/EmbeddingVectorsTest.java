package dev.llmworkbench.domain.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmbeddingVectorsTest {
    @Test
    void sameInputSameUnitVectorOfTheRequestedDimension() {
        float[] a = EmbeddingVectors.vector("text-embedding-3-small", new EmbeddingInput.Text("hello"), 1536);
        float[] b = EmbeddingVectors.vector("text-embedding-3-small", new EmbeddingInput.Text("hello"), 1536);
        assertEquals(1536, a.length);
        assertArrayEquals(a, b);
        double norm = 0;
        for (float v : a) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-5);
    }

    @Test
    void differentInputsOrModelsGiveDifferentVectors() {
        float[] hello = EmbeddingVectors.vector("m", new EmbeddingInput.Text("hello"), 8);
        assertFalse(Arrays.equals(hello, EmbeddingVectors.vector("m", new EmbeddingInput.Text("hellp"), 8)));
        assertFalse(Arrays.equals(hello, EmbeddingVectors.vector("n", new EmbeddingInput.Text("hello"), 8)));
    }
}
