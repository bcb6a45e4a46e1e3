package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
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

    @Test
    void readsDimensionsOfEveryFormatFromTheHeaderAlone() {
        assertEquals(new ImageSize(640, 480), ImageHeaders.sizeOfDataUrl(Images.pngDataUrl(640, 480), "p"));
        assertEquals(new ImageSize(1920, 1080), ImageHeaders.sizeOfDataUrl(Images.dataUrl("image/jpeg", Images.jpeg(1920, 1080)), "p"));
        assertEquals(new ImageSize(300, 200), ImageHeaders.sizeOfDataUrl(Images.dataUrl("image/gif", Images.gif(300, 200)), "p"));
        assertEquals(new ImageSize(5000, 70), ImageHeaders.sizeOfDataUrl(Images.dataUrl("image/webp", Images.webpVp8x(5000, 70)), "p"));
    }

    @Test
    void rejectsUnknownFormatsAndBrokenDataNamingTheParam() {
        InvalidRequestException unknown = assertThrows(InvalidRequestException.class,
                () -> ImageHeaders.sizeOfDataUrl(Images.dataUrl("image/bmp", new byte[] {'B', 'M', 1, 2, 3, 4}), "messages[0].content[1].image_url"));
        assertEquals("messages[0].content[1].image_url", unknown.param());
        assertThrows(InvalidRequestException.class, () -> ImageHeaders.sizeOfDataUrl("data:image/png;base64,@@@@", "p"));
        assertThrows(InvalidRequestException.class, () -> ImageHeaders.sizeOfDataUrl("data:image/png,rawtext", "p"));
        assertThrows(InvalidRequestException.class, () -> ImageHeaders.sizeOfDataUrl(Images.pngDataUrl(10, 10).substring(0, 40), "p"));
    }
}
