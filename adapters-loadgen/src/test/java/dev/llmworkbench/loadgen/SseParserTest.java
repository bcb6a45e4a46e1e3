package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {

    record Case(String name, String stream, List<SseEvent> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    // Each expected list is read off the WHATWG spec's event stream interpretation rules, by hand.
    static List<Case> cases() {
        return List.of(
                new Case("OpenAI chunks then DONE, LF endings",
                        "data: {\"a\":1}\n\ndata: {\"b\":\"é\"}\n\ndata: [DONE]\n\n",
                        List.of(msg("{\"a\":1}"), msg("{\"b\":\"é\"}"), msg("[DONE]"))),
                new Case("CRLF endings",
                        "data: one\r\n\r\ndata: two\r\n\r\n",
                        List.of(msg("one"), msg("two"))),
                new Case("CR endings",
                        "data: one\r\rdata: two\r\r",
                        List.of(msg("one"), msg("two"))),
                new Case("several data lines joined by LF, event type, comments ignored",
                        ": keep-alive\nevent: delta\ndata: first\n: in between\ndata:second\ndata:  indented\n\n",
                        List.of(new SseEvent("delta", "first\nsecond\n indented"))),
                new Case("type resets after dispatch; empty event field means message",
                        "event: x\ndata: 1\n\nevent:\ndata: 2\n\ndata: 3\n\n",
                        List.of(new SseEvent("x", "1"), msg("2"), msg("3"))),
                new Case("blank lines without data dispatch nothing, and an event line alone is dropped",
                        "\n\nevent: lonely\n\ndata: real\n\n",
                        List.of(msg("real"))),
                new Case("empty data field dispatches an empty event; a field without colon has an empty value",
                        "data:\n\ndata\ndata\n\n",
                        List.of(msg(""), msg("\n"))),
                new Case("id, retry and unknown fields are ignored",
                        "id: 7\nretry: 100\nfoo: bar\ndata: x\n\n",
                        List.of(msg("x"))),
                new Case("a leading byte order mark is skipped",
                        "\uFEFFdata: bom\n\n",
                        List.of(msg("bom"))),
                new Case("an event without its blank line at the end of the stream is not dispatched",
                        "data: whole\n\ndata: cut",
                        List.of(msg("whole"))),
                new Case("multibyte characters of 2, 3 and 4 bytes",
                        "data: ü€😀\n\n",
                        List.of(msg("ü€😀"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesTheSameEventsWhereverTheStreamIsCutInTwo(Case c) {
        byte[] bytes = c.stream().getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertEquals(c.expected(), parse(bytes, cut), "cut at " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesTheSameEventsWhereverTheStreamIsCutInThree(Case c) {
        byte[] bytes = c.stream().getBytes(StandardCharsets.UTF_8);
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                assertEquals(c.expected(), parse(bytes, first, second), "cuts at " + first + ", " + second);
            }
        }
    }

    @Test
    void parsesAStreamFedOneByteAtATime() {
        byte[] bytes = "data: ä\r\n\r\ndata: b\r\r".getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (byte b : bytes) {
            parser.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        assertEquals(List.of(msg("ä"), msg("b")), events);
    }

    @Test
    void dispatchesEachEventAsSoonAsItsBlankLineArrives() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        byte[] first = "data: 1\n\ndata: 2\n".getBytes(StandardCharsets.UTF_8);
        parser.feed(first, 0, first.length);
        assertEquals(List.of(msg("1")), events);
        parser.feed(new byte[] {'\n'}, 0, 1);
        assertEquals(List.of(msg("1"), msg("2")), events);
    }

    @Test
    void recognisesOpenAisDoneMarkerOnlyAsTheWholeData() {
        assertEquals(List.of(true, false),
                List.of(msg("[DONE]").done(), msg("[DONE] ").done()));
    }

    @Test
    void readsALineLongerThanItsInitialBuffer() {
        String longData = "x".repeat(10_000);
        byte[] bytes = ("data: " + longData + "\n\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(msg(longData)), parse(bytes, 5000));
    }

    private static List<SseEvent> parse(byte[] bytes, int... cuts) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        int from = 0;
        for (int cut : cuts) {
            parser.feed(ByteBuffer.wrap(bytes, from, cut - from));
            from = cut;
        }
        parser.feed(ByteBuffer.wrap(bytes, from, bytes.length - from));
        return events;
    }

    private static SseEvent msg(String data) {
        return new SseEvent("message", data);
    }
}
