package dev.llmworkbench.domain.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.domain.chat.ContentPart;
import dev.llmworkbench.domain.chat.ImageDetail;
import dev.llmworkbench.domain.chat.ImagePart;
import dev.llmworkbench.domain.chat.Message;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.Schema;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Expected counts are the prompt_tokens OpenAI's API reported, as published in OpenAI's token-counting cookbook. */
class PromptTokensTest {
    private static Message named(Role role, String name, String text) {
        return new Message(role, List.of(new TextPart(text)), Optional.of(name), List.of());
    }

    private static final List<Message> COOKBOOK_MESSAGES = List.of(
            Message.text(Role.SYSTEM, "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
            named(Role.SYSTEM, "example_user", "New synergies will help drive top-line growth."),
            named(Role.SYSTEM, "example_assistant", "Things working well together will increase revenue."),
            named(Role.SYSTEM, "example_user", "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."),
            named(Role.SYSTEM, "example_assistant", "Let's talk later when we're less busy about how to do better."),
            Message.text(Role.USER, "This late pivot means we don't have time to boil the ocean for the client deliverable."));

    @Test
    void countsTheCookbookConversationAsOpenAiDidForCl100kModels() {
        assertEquals(129, new PromptTokens("gpt-3.5-turbo-0613").count(COOKBOOK_MESSAGES, List.of()));
        assertEquals(129, new PromptTokens("gpt-4").count(COOKBOOK_MESSAGES, List.of()));
    }

    @Test
    void countsTheCookbookConversationAsOpenAiDidForO200kModels() {
        assertEquals(124, new PromptTokens("gpt-4o").count(COOKBOOK_MESSAGES, List.of()));
        assertEquals(124, new PromptTokens("gpt-4o-mini").count(COOKBOOK_MESSAGES, List.of()));
    }

    @Test
    void usesTheOlderFramingForGpt35Turbo0301() {
        assertEquals(127, new PromptTokens("gpt-3.5-turbo-0301").count(COOKBOOK_MESSAGES, List.of()));
    }

    @Test
    void countsToolDefinitionsAsTheCookbookDoes() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("location", Schema.StringSchema.plain("The city and state, e.g. San Francisco, CA"));
        properties.put("unit", new Schema.StringSchema("The unit of temperature to return", List.of("celsius", "fahrenheit"), 0, OptionalInt.empty(), Optional.empty()));
        ToolDefinition weather = new ToolDefinition("get_current_weather", "Get the current weather in a given location",
                new Schema.ObjectSchema("", properties, List.of("location")));
        List<Message> messages = List.of(
                Message.text(Role.SYSTEM, "You are a helpful assistant that can answer to questions about the weather."),
                Message.text(Role.USER, "What's the weather like in San Francisco?"));
        assertEquals(105, new PromptTokens("gpt-3.5-turbo").count(messages, List.of(weather)));
        assertEquals(105, new PromptTokens("gpt-4").count(messages, List.of(weather)));
        assertEquals(101, new PromptTokens("gpt-4o").count(messages, List.of(weather)));
    }

    @Test
    void countsContentPartsAsTheirTextPlusImageTiles() {
        List<ContentPart> parts = List.of(new TextPart("What is in this image?"),
                new ImagePart(Images.pngDataUrl(1024, 1024), ImageDetail.HIGH),
                new ImagePart("https://example.com/cat.png", ImageDetail.HIGH));
        Message message = new Message(Role.USER, parts, Optional.empty(), List.of());
        int text = TokenEncoding.O200K_BASE.count("What is in this image?");
        int expected = 3 + 1 + text + 765 + 85 + 3; // per message, role, text, high-detail 2x2 tiles, URL as low detail, priming
        assertEquals(expected, new PromptTokens("gpt-4o").count(List.of(message), List.of()));
    }
}
