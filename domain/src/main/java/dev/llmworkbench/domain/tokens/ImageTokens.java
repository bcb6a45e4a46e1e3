package dev.llmworkbench.domain.tokens;

import dev.llmworkbench.domain.chat.ImageDetail;

/**
 * OpenAI's tile rule for image inputs: low detail costs the base alone; high detail scales the
 * image to fit 2048x2048, then so its shortest side is at most 768 px, and adds a per-tile cost
 * for every 512 px tile. gpt-4o-mini bills the same tiles at larger constants.
 */
public record ImageTokens(int base, int perTile) {
    public static final ImageTokens STANDARD = new ImageTokens(85, 170);
    public static final ImageTokens GPT_4O_MINI = new ImageTokens(2833, 5667);

    public static ImageTokens forModel(String model) {
        return model.startsWith("gpt-4o-mini") ? GPT_4O_MINI : STANDARD;
    }

    public int lowDetail() {
        return base;
    }

    public int highDetail(ImageSize size) {
        double width = size.width();
        double height = size.height();
        if (width > 2048 || height > 2048) {
            double scale = 2048 / Math.max(width, height);
            width = Math.floor(width * scale);
            height = Math.floor(height * scale);
        }
        if (Math.min(width, height) > 768) {
            double scale = 768 / Math.min(width, height);
            width = Math.floor(width * scale);
            height = Math.floor(height * scale);
        }
        long tiles = (long) Math.ceil(width / 512) * (long) Math.ceil(height / 512);
        return Math.toIntExact(base + perTile * tiles);
    }

    /** {@code auto} is counted as high detail: the emulator cannot know what OpenAI would pick. */
    public int count(ImageDetail detail, ImageSize size) {
        return detail == ImageDetail.LOW ? lowDetail() : highDetail(size);
    }
}
