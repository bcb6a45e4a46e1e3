package dev.llmworkbench.domain.responses;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolCall;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a Responses API conversation, the closed set the emulator understands. Each maps to
 * the chat message OpenAI's models see, so a response's prompt is counted exactly as chat's is.
 * An input item's {@code id} is null until the emulator names it.
 */
public sealed interface ResponseItem {
    String id();

    /** The id prefix OpenAI gives this kind of item. */
    String idPrefix();

    ResponseItem withId(String id);

    Message message();

    /** A user, system or developer message; assistant messages are {@link OutputMessage}s. */
    record InputMessage(String id, Role role, List<ContentPart> content) implements ResponseItem {
        private static final EnumSet<Role> ROLES = EnumSet.of(Role.USER, Role.SYSTEM, Role.DEVELOPER);

        public InputMessage {
            Objects.requireNonNull(role, "role");
            content = List.copyOf(content);
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("an input message's role is user, system or developer, not " + role);
            }
        }

        public String idPrefix() {
            return "msg_";
        }

        public InputMessage withId(String id) {
            return new InputMessage(id, role, content);
        }

        public Message message() {
            return new Message(role, content, Optional.empty(), List.of());
        }
    }

    /** An assistant message: the model's answer, or an earlier one passed back as input. */
    record OutputMessage(String id, String text, Status status) implements ResponseItem {
        public OutputMessage {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(status, "status");
        }

        public String idPrefix() {
            return "msg_";
        }

        public OutputMessage withId(String id) {
            return new OutputMessage(id, text, status);
        }

        public Message message() {
            return Message.text(Role.ASSISTANT, text);
        }
    }

    /** A call of one of the request's functions; {@code callId} pairs it with its {@link FunctionCallOutput}. */
    record FunctionCall(String id, String callId, String name, String arguments, Status status) implements ResponseItem {
        public FunctionCall {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
            Objects.requireNonNull(status, "status");
        }

        public String idPrefix() {
            return "fc_";
        }

        public FunctionCall withId(String id) {
            return new FunctionCall(id, callId, name, arguments, status);
        }

        public Message message() {
            return new Message(Role.ASSISTANT, List.of(), Optional.empty(), List.of(new ToolCall(callId, name, arguments)));
        }
    }

    /** What the caller's function returned; the model reads it as a chat tool message. */
    record FunctionCallOutput(String id, String callId, String output) implements ResponseItem {
        public FunctionCallOutput {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(output, "output");
        }

        public String idPrefix() {
            return "fco_";
        }

        public FunctionCallOutput withId(String id) {
            return new FunctionCallOutput(id, callId, output);
        }

        public Message message() {
            return new Message(Role.TOOL, List.of(new TextPart(output)), Optional.empty(), List.of());
        }
    }
}
