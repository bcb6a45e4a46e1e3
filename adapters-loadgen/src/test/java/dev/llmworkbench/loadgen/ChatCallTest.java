package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.loadtest.RecordedPrompt;
import dev.llmworkbench.domain.loadtest.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChatCallTest {

    private static final RecordedPrompt HI = new RecordedPrompt.Text("hi");

    @ParameterizedTest
    @CsvSource({"CHAT_COMPLETIONS, true", "CHAT_COMPLETIONS_NONSTREAM, false", "COMPLETIONS, true",
            "EMBEDDINGS, false", "RESPONSES, true"})
    void streamsEveryScenarioThatHasTokensToStreamButTheNonStreamedChat(Scenario scenario, boolean streamed) {
        int maxTokens = scenario == Scenario.EMBEDDINGS ? 0 : 5;
        assertEquals(streamed, new ChatCall(scenario, "m", HI, 1, maxTokens, true, Map.of()).stream());
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = "EMBEDDINGS", mode = EnumSource.Mode.EXCLUDE)
    void refusesToAskForNoOutputWhereThereIsOne(Scenario scenario) {
        assertThrows(IllegalArgumentException.class, () -> new ChatCall(scenario, "m", HI, 1, 0, true, Map.of()));
    }

    @Test
    void refusesToAskAnEmbeddingForOutput() {
        assertThrows(IllegalArgumentException.class,
                () -> new ChatCall(Scenario.EMBEDDINGS, "m", HI, 1, 5, true, Map.of()));
    }

    @Test
    void flattensAConversationToItsTextsJoinedByLineFeeds() {
        RecordedPrompt conversation = new RecordedPrompt.Conversation(List.of(Message.text(Role.SYSTEM, "Be brief."),
                new Message(Role.USER, List.of(new TextPart("Look:"), new ImagePart("https://example.com/a.png",
                        ImageDetail.AUTO), new TextPart("what is it?")), Optional.empty(), List.of())));

        ChatCall call = new ChatCall(Scenario.CHAT_COMPLETIONS, "m", conversation, 30, 5, false, Map.of());

        assertEquals("Be brief.\nLook:\nwhat is it?", call.prompt());
    }

    @Test
    void keepsTheShortFormAChatCompletionWithOneUserMessageAndNoVllmFields() {
        ChatCall call = new ChatCall("m", "hi", 8, 5, false);
        assertEquals(List.of(Scenario.CHAT_COMPLETIONS_NONSTREAM, HI, false, Map.of()),
                List.of(call.scenario(), call.input(), call.ignoreEos(), call.headers()));
    }
}
