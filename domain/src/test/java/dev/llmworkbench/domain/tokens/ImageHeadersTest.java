package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.InvalidRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Images written by real encoders (src/test/resources/images/README.md); each size is the encoder's input. */
class ImageHeadersTest {
    private static final String PARAM = "messages[0].content[1].image_url";

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageHeadersTest.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IOException("missing test image " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String dataUrl(String mime, byte[] bytes) {
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static String mimeOf(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return "image/" + (extension.equals("jpg") ? "jpeg" : extension);
    }

    @ParameterizedTest(name = "{0} is {1}x{2}")
    @CsvSource({
            "rgb-37x23.png,         37,   23",
            "baseline-41x29.jpg,    41,   29",
            "progressive-67x31.jpg, 67,   31",
            "palette-19x13.gif,     19,   13",
            "lossy-45x31.webp,      45,   31",
            "lossless-53x17.webp,   53,   17",
            "alpha-27x59.webp,      27,   59",
            "alpha-5000x3.webp,     5000, 3"})
    void readsTheSizeAnEncoderWroteFromTheHeaderAlone(String file, int width, int height) throws IOException {
        assertEquals(new ImageSize(width, height), ImageHeaders.sizeOfDataUrl(dataUrl(mimeOf(file), resource(file)), PARAM));
    }

    @Test
    void aBitmapIsAnUnsupportedFormatNamingTheParam() throws IOException {
        ByteArrayOutputStream bmp = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "bmp", bmp);
        InvalidRequestException unsupported = assertThrows(InvalidRequestException.class,
                () -> ImageHeaders.sizeOfDataUrl(dataUrl("image/bmp", bmp.toByteArray()), PARAM));
        assertEquals(PARAM, unsupported.param());
    }

    @ParameterizedTest(name = "{0} cut before its size")
    @CsvSource({"rgb-37x23.png, 20", "baseline-41x29.jpg, 100", "palette-19x13.gif, 7", "lossless-53x17.webp, 22"})
    void aTruncatedImageIsInvalidNamingTheParam(String file, int keptBytes) throws IOException {
        byte[] cut = Arrays.copyOf(resource(file), keptBytes);
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
                () -> ImageHeaders.sizeOfDataUrl(dataUrl(mimeOf(file), cut), PARAM));
        assertEquals(PARAM, invalid.param());
    }

    @Test
    void dataThatIsNotBase64IsInvalid() {
        assertThrows(InvalidRequestException.class, () -> ImageHeaders.sizeOfDataUrl("data:image/png;base64,@@@@", PARAM));
        assertThrows(InvalidRequestException.class, () -> ImageHeaders.sizeOfDataUrl("data:image/png,rawtext", PARAM));
    }
}
