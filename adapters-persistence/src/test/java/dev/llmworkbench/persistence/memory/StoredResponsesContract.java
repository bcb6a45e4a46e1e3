package dev.llmworkbench.persistence.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.application.responses.port.StoredResponses;
import dev.llmworkbench.domain.chat.OutputFormat;
import dev.llmworkbench.domain.chat.Role;
import dev.llmworkbench.domain.chat.TextPart;
import dev.llmworkbench.domain.chat.ToolChoice;
import dev.llmworkbench.domain.chat.Usage;
import dev.llmworkbench.domain.responses.ModelResponse;
import dev.llmworkbench.domain.responses.ResponseItem;
import dev.llmworkbench.domain.responses.ResponseRequest;
import dev.llmworkbench.domain.responses.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What every {@link StoredResponses} adapter must do; each adapter's test extends this with a fresh store. */
abstract class StoredResponsesContract {
    /** A store that holds at least three responses. */
    abstract StoredResponses store();

    static ModelResponse response(String id) {
        ResponseItem question = new ResponseItem.InputMessage("msg_in_" + id, Role.USER, List.of(new TextPart("Hello")));
        ResponseRequest request = new ResponseRequest("gpt-4o", Optional.of("Be brief."), List.of(question), OptionalInt.empty(),
                List.of(), new ToolChoice.Auto(), true, new OutputFormat.Text(), Optional.empty(), true, Map.of("temperature", "0.5"));
        return new ModelResponse(id, 1_767_225_600L, 1_767_225_601L, request, List.of(), List.of(question),
                List.of(new ResponseItem.OutputMessage("msg_out_" + id, "Hi there", Status.COMPLETED)), new Usage(12, 3));
    }

    @Test
    void findsASavedResponseWithEverythingItHeld() {
        StoredResponses store = store();
        ModelResponse saved = response("resp_a");
        store.save(saved);
        assertEquals(Optional.of(saved), store.find("resp_a"));
    }

    @Test
    void findsNothingForAnIdNeverSaved() {
        assertEquals(Optional.empty(), store().find("resp_missing"));
    }

    @Test
    void deletesOnceAndThenNoLongerFindsIt() {
        StoredResponses store = store();
        store.save(response("resp_b"));
        assertTrue(store.delete("resp_b"));
        assertEquals(Optional.empty(), store.find("resp_b"));
        assertFalse(store.delete("resp_b"));
    }
}
