package dev.llmworkbench.rest.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageChunksTest {
    private static final String CHUNK = "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"finish_reason\":null}],\"usage\":null}\n\n";
    /** The extra chunk OpenAI's API reference shows for stream_options.include_usage: empty choices, the usage. */
    private static final String USAGE = "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void asksAStreamThatDidNotForItsUsageAndKeepsTheRestOfTheBody() {
        JsonObject sent = json(new String(UsageChunks.asked("/v1/chat/completions", json(
                "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_obfuscation\":false},\"messages\":[]}")).orElseThrow(),
                StandardCharsets.UTF_8));
        assertEquals(json("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_obfuscation\":false,\"include_usage\":true},"
                + "\"messages\":[]}"), sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
            "{\"model\":\"m\",\"stream\":false}",
            "{\"model\":\"m\"}",
            "{\"model\":\"m\",\"stream\":true,\"stream_options\":\"yes\"}"})
    void leavesABodyAsItIsWhenItAskedItselfIsNoStreamOrIsTheUpstreamsToRefuse(String body) {
        assertEquals(Optional.empty(), UsageChunks.asked("/v1/chat/completions", json(body)));
    }

    @Test
    void asksTextCompletionStreamsButNotResponsesWhichAlwaysCarryTheirUsage() {
        JsonObject stream = json("{\"model\":\"m\",\"stream\":true}");
        assertTrue(UsageChunks.asked("/v1/completions", stream).isPresent());
        assertEquals(Optional.empty(), UsageChunks.asked("/v1/responses", stream));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17, 100, 4096})
    void takesOutTheUsageChunkHoweverTheBytesArriveAndPassesEveryOtherEventWhole(int pieceBytes) {
        byte[] upstream = (CHUNK + CHUNK.replace("\n\n", "\r\n\r\n") + USAGE + DONE).getBytes(StandardCharsets.UTF_8);
        UsageChunks chunks = new UsageChunks();
        ByteArrayOutputStream caller = new ByteArrayOutputStream();
        for (int from = 0; from < upstream.length; from += pieceBytes) {
            byte[] piece = Arrays.copyOfRange(upstream, from, Math.min(upstream.length, from + pieceBytes));
            caller.writeBytes(chunks.pass(piece, piece.length));
        }
        caller.writeBytes(chunks.rest());
        assertEquals(CHUNK + CHUNK.replace("\n\n", "\r\n\r\n") + DONE, caller.toString(StandardCharsets.UTF_8));
    }

    @Test
    void passesOnAnEventWithoutItsBlankLineWhenTheUpstreamEnds() {
        UsageChunks chunks = new UsageChunks();
        byte[] cut = "data: {\"choices\":[{\"delta\":{\"content\":\"Ha".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, chunks.pass(cut, cut.length).length);
        assertEquals(new String(cut, StandardCharsets.UTF_8), new String(chunks.rest(), StandardCharsets.UTF_8));
    }
}
