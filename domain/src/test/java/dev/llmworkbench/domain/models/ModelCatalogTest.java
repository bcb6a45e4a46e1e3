package dev.llmworkbench.domain.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelCatalogTest {
    @Test
    void servesTheBentoMlEmulatorModelsByDefault() {
        ModelCatalog catalog = new ModelCatalog(ModelCatalog.DEFAULT_IDS, false);
        for (String id : List.of("gpt-3.5-turbo", "gpt-3.5-turbo-0301", "gpt-3.5-turbo-0613", "gpt-3.5-turbo-16k", "gpt-4",
                "gpt-4-0314", "gpt-4-0613", "gpt-4-32k", "text-davinci-003", "text-davinci-002", "gpt-4o", "gpt-4o-mini", "gpt-4.1")) {
            assertTrue(catalog.find(id).isPresent(), id);
        }
        assertEquals(3072, catalog.require("text-embedding-3-large").dimensions());
    }

    @Test
    void infersTheKindOfConfiguredIdsItDoesNotKnow() {
        ModelCatalog catalog = new ModelCatalog(List.of("my-llama", "my-embedding-model", "babbage-002"), true);
        assertEquals(ModelKind.CHAT, catalog.require("my-llama").kind());
        assertEquals(ModelKind.EMBEDDING, catalog.require("my-embedding-model").kind());
        assertEquals(ModelKind.COMPLETION, catalog.require("babbage-002").kind());
    }

    @Test
    void aStrictCatalogAnswersAnUnconfiguredModelWithOpenAisNotFoundCode() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> new ModelCatalog(List.of("gpt-4o"), true).require("gpt-9"));
        assertEquals("model_not_found", e.code());
    }

    @Test
    void anOpenCatalogServesTheIdsTheReplacedToolsSendButListsOnlyItsOwn() {
        ModelCatalog catalog = new ModelCatalog(List.of("gpt-4o"), false);
        for (String id : List.of("gpt-4-vision-preview", "codechat", "google/gemma-3-4b-it")) {
            assertEquals(id, catalog.require(id).id());
            assertEquals(ModelKind.CHAT, catalog.require(id).kind());
        }
        assertEquals(List.of("gpt-4o"), catalog.all().stream().map(ModelInfo::id).toList());
        assertEquals(1705948997, catalog.require("text-embedding-3-small").created(), "a known id keeps its published facts");
        assertEquals(ModelKind.EMBEDDING, catalog.require("nomic-embed-text").kind());
    }

    /** Windows from OpenAI's model pages. */
    @ParameterizedTest
    @CsvSource({"gpt-4o,128000", "gpt-4o-mini,128000", "gpt-4.1,1047576", "gpt-4.1-nano,1047576", "gpt-3.5-turbo,16385",
            "gpt-4,8192", "gpt-4-32k,32768", "gpt-5,400000", "o3-mini,200000", "text-embedding-3-small,8192", "my-llama,128000"})
    void knowsEachModelsContextWindow(String id, int tokens) {
        assertEquals(tokens, new ModelCatalog(List.of(id), true).require(id).contextWindow().tokens());
    }
}
