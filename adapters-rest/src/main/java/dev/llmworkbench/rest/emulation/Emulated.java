package dev.llmworkbench.rest.emulation;

import dev.llmworkbench.application.emulation.Emulation;
import java.util.function.Supplier;

/**
 * A started emulation with its two renderings: the whole response, built when it is due, and the
 * stream format. Whoever holds one must deliver it or call {@code emulation().finish()}.
 */
record Emulated(Emulation emulation, Supplier<String> body, StreamFormat format) {
}
