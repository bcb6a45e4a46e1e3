package dev.llmworkbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void anEqualCallGetsTheBodyBuiltForTheFirstOne() {
        RequestBodies bodies = new RequestBodies();

        byte[] first = bodies.of(new ChatCall("gpt-4o", "hi", 1, 5, false));
        byte[] again = bodies.of(new ChatCall("gpt-4o", "hi", 1, 5, false));

        assertSame(first, again);
    }

    @Test
    void callsPastTheLimitGetTheirOwnBodyBuiltEachTime() {
        RequestBodies bodies = new RequestBodies();
        for (int i = 0; i < RequestBodies.LIMIT; i++) {
            bodies.of(new ChatCall("gpt-4o", "prompt " + i, 2, 5, false));
        }
        ChatCall late = new ChatCall("gpt-4o", "one more", 2, 5, false);

        byte[] body = bodies.of(late);

        assertNotSame(body, bodies.of(late));
        assertEquals("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"one more\"}],"
                + "\"max_tokens\":5,\"stream\":false}", new String(body, StandardCharsets.UTF_8));
    }
}
