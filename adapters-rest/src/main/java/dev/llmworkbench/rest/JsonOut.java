package dev.llmworkbench.rest;

import dev.llmworkbench.domain.JsonText;

/**
 * A small JSON writer over a StringBuilder. Responses are written by hand, not bound by JSON-B,
 * because the emulator's throughput is its product and reflection-based binding costs several
 * times more per response; field order follows OpenAI's own responses.
 */
public final class JsonOut {
    private final StringBuilder json;
    private boolean first = true;

    public JsonOut(int capacity) {
        json = new StringBuilder(capacity);
    }

    public JsonOut begin() {
        json.append('{');
        first = true;
        return this;
    }

    public JsonOut end() {
        json.append('}');
        first = false;
        return this;
    }

    public JsonOut beginArray(String name) {
        key(name).append('[');
        first = true;
        return this;
    }

    public JsonOut endArray() {
        json.append(']');
        first = false;
        return this;
    }

    /** Starts an unnamed object inside an array. */
    public JsonOut element() {
        comma();
        json.append('{');
        first = true;
        return this;
    }

    public JsonOut object(String name) {
        key(name).append('{');
        first = true;
        return this;
    }

    public JsonOut field(String name, String value) {
        if (value == null) {
            key(name).append("null");
        } else {
            JsonText.quote(value, key(name));
        }
        return this;
    }

    public JsonOut field(String name, long value) {
        key(name).append(value);
        return this;
    }

    public JsonOut field(String name, double value) {
        key(name).append(value);
        return this;
    }

    public JsonOut field(String name, boolean value) {
        key(name).append(value);
        return this;
    }

    public JsonOut nullField(String name) {
        key(name).append("null");
        return this;
    }

    /** Writes already-serialised JSON as the value of {@code name}. */
    public JsonOut raw(String name, String json) {
        key(name).append(json);
        return this;
    }

    /** Writes already-serialised JSON as the next array element. */
    public JsonOut rawElement(String json) {
        comma();
        this.json.append(json);
        return this;
    }

    private StringBuilder key(String name) {
        comma();
        return JsonText.quote(name, json).append(':');
    }

    private void comma() {
        if (!first) {
            json.append(',');
        }
        first = false;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
