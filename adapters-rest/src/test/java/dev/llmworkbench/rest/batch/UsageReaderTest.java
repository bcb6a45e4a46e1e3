package dev.llmworkbench.rest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmworkbench.domain.batch.BatchUsage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageReaderTest {
    @Test
    void readsAChatCompletionsUsageWithItsDetails() {
        // The usage object of OpenAI's chat completion reference example.
        String body = "{\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":3,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":4,\"audio_tokens\":0}}}";
        assertEquals(new BatchUsage(19, 3, 10, 4), UsageReader.read(body).usage());
        assertEquals(body, UsageReader.read(body).json());
    }

    @Test
    void readsAResponsesUsageAndAnEmbeddingsUsage() {
        assertEquals(new BatchUsage(36, 0, 87, 0), UsageReader.read("{\"usage\":{\"input_tokens\":36,\"input_tokens_details\":"
                + "{\"cached_tokens\":0},\"output_tokens\":87,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":123}}").usage());
        assertEquals(new BatchUsage(8, 0, 0, 0), UsageReader.read("{\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}").usage());
    }

    @Test
    void aBodyThatIsNotJsonBecomesAJsonStringWithNoUsage() {
        HttpLineCaller.ReplyBody read = UsageReader.read("<html>Bad Gateway</html>");
        assertEquals("\"<html>Bad Gateway</html>\"", read.json());
        assertEquals(BatchUsage.NONE, read.usage());
    }

    @Test
    void retryAfterIsReadFromMillisecondsFirstThenSeconds() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), HttpLineCaller.retryAfter(Optional.of("1500"), Optional.of("2")));
        assertEquals(Optional.of(Duration.ofSeconds(2)), HttpLineCaller.retryAfter(Optional.empty(), Optional.of("2")));
        assertEquals(Optional.empty(), HttpLineCaller.retryAfter(Optional.empty(), Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")));
        assertEquals(Optional.empty(), HttpLineCaller.retryAfter(Optional.empty(), Optional.empty()));
    }
}
