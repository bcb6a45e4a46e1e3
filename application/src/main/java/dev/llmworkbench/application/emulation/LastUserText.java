package dev.llmworkbench.application.emulation;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import java.util.List;

/** The text an echoing emulator answers with: the last user message's text parts, joined; empty if there is none. */
public final class LastUserText {
    private LastUserText() {
    }

    public static String of(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.role() == Role.USER) {
                StringBuilder text = new StringBuilder();
                for (ContentPart part : message.content()) {
                    if (part instanceof TextPart(String words)) {
                        text.append(text.isEmpty() ? "" : " ").append(words);
                    }
                }
                return text.toString();
            }
        }
        return "";
    }
}
