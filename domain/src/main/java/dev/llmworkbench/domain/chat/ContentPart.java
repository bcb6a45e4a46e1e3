package dev.llmworkbench.domain.chat;

/** One part of a message's content; the closed set the emulator understands. */
public sealed interface ContentPart permits TextPart, ImagePart {
}
