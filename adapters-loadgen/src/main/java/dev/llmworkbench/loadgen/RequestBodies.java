package dev.llmworkbench.loadgen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request bodies built once per distinct call: a plan reuses a few prompts (a step's fixed-length prompt, a recorded
 * prompt file) across thousands of requests, and building the body with JSON-P each time showed in the generator's
 * profile. The cache stops growing at {@link #LIMIT} bodies, so random prompts (a new one per request) cost one map
 * lookup and no memory beyond that; a call is its own key since it holds everything the body is made of.
 */
final class RequestBodies {

    static final int LIMIT = 1024;

    private final Map<ChatCall, byte[]> bodies = new ConcurrentHashMap<>();

    /** The body of {@code call}; the array is shared between requests and must not be changed. */
    byte[] of(ChatCall call) {
        byte[] body = bodies.get(call);
        if (body != null) {
            return body;
        }
        body = RequestBody.of(call);
        if (bodies.size() < LIMIT) {
            bodies.putIfAbsent(call, body);
        }
        return body;
    }
}
