package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.domain.chat.ImageDetail;
import org.junit.jupiter.api.Test;

/** Worked examples from OpenAI's vision guide. */
class ImageTokensTest {
    @Test
    void squareImageInHighDetailCostsFourTiles() {
        assertEquals(765, ImageTokens.STANDARD.highDetail(new ImageSize(1024, 1024)));
    }

    @Test
    void tallImageIsScaledToFitThenToShortestSide768() {
        // 2048x4096 -> 1024x2048 -> 768x1536: 2x3 tiles
        assertEquals(1105, ImageTokens.STANDARD.highDetail(new ImageSize(2048, 4096)));
    }

    @Test
    void smallImageIsNotScaledUp() {
        assertEquals(85 + 170, ImageTokens.STANDARD.highDetail(new ImageSize(100, 100)));
    }

    @Test
    void lowDetailCostsTheBaseWhateverTheSize() {
        assertEquals(85, ImageTokens.STANDARD.count(ImageDetail.LOW, new ImageSize(4096, 8192)));
    }

    @Test
    void gpt4oMiniBillsTheSameTilesAtItsOwnConstants() {
        assertEquals(2833 + 4 * 5667, ImageTokens.forModel("gpt-4o-mini").highDetail(new ImageSize(1024, 1024)));
    }
}
