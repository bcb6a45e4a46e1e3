package dev.llmworkbench.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * {@code /v1/batches}: input files of generated JSONL lines (valid lines with junk anywhere, raw junk), create bodies
 * mutated anywhere, and hostile ids for get, cancel, events and webhooks: never a 5xx, never the server's insides,
 * every refusal in OpenAI's shape; a created batch is cancelled at once. The server stays ready and its store sound.
 */
class BatchesFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINE = "{\"custom_id\":\"r1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
            + "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":2}}";

    record Create(List<String> lines, String createBody) {
    }

    @Provide
    Arbitrary<Create> creates() {
        Arbitrary<String> line = Arbitraries.oneOf(FuzzArbitraries.mutated(LINE), FuzzArbitraries.text(), Arbitraries.just(LINE));
        Arbitrary<String> body = FuzzArbitraries.mutated("{\"input_file_id\":\"FILE\",\"endpoint\":\"/v1/chat/completions\","
                + "\"completion_window\":\"24h\",\"metadata\":{\"k\":\"v\"},\"output_expires_after\":{\"anchor\":\"created_at\",\"seconds\":3600}}");
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(5), body).as(Create::new);
    }

    @Property(tries = 150)
    void everyInputFileAndCreateBodyIsAnsweredWithoutA5xx(@ForAll("creates") Create create) throws Exception {
        HttpResponse<String> file = FuzzAnswers.send(FuzzAnswers.request("/v1/files")
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new Multipart().field("purpose", "batch")
                        .file("file", "in.jsonl", String.join("\n", create.lines()).getBytes(StandardCharsets.UTF_8)).bytes())),
                FuzzAnswers.Shape.OPENAI, "upload " + create.lines());
        String fileId = file.statusCode() == 200 ? JSON.readTree(file.body()).get("id").asText() : "file-none";
        String body = create.createBody().replace("FILE", fileId);
        HttpResponse<String> batch = FuzzAnswers.send(FuzzAnswers.request("/v1/batches").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), FuzzAnswers.Shape.OPENAI, "create " + body);
        if (batch.statusCode() == 200) {
            String id = JSON.readTree(batch.body()).get("id").asText();
            FuzzAnswers.send(FuzzAnswers.request("/v1/batches/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()),
                    FuzzAnswers.Shape.OPENAI, "cancel " + id);
        }
        if (file.statusCode() == 200) {
            FuzzAnswers.send(FuzzAnswers.request("/v1/files/" + fileId).DELETE(), FuzzAnswers.Shape.OPENAI, "delete " + fileId);
        }
    }

    @Property(tries = 200)
    void everyIdAndListParameterIsAnsweredWithoutA5xx(@ForAll("ids") String id, @ForAll("queries") String query) throws Exception {
        FuzzAnswers.send(FuzzAnswers.request("/v1/batches/" + id), FuzzAnswers.Shape.OPENAI, "GET " + id);
        FuzzAnswers.send(FuzzAnswers.request("/v1/batches/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()),
                FuzzAnswers.Shape.OPENAI, "cancel " + id);
        FuzzAnswers.send(FuzzAnswers.request("/api/batches/" + id + "/events"), FuzzAnswers.Shape.OPENAI, "events " + id);
        FuzzAnswers.send(FuzzAnswers.request("/api/batches/" + id + "/webhooks"), FuzzAnswers.Shape.OPENAI, "webhooks " + id);
        FuzzAnswers.send(FuzzAnswers.request("/v1/batches?" + query), FuzzAnswers.Shape.OPENAI, "list " + query);
    }

    @Provide
    Arbitrary<String> ids() {
        return FuzzArbitraries.pathId("batch_").map(FuzzAnswers::encoded);
    }

    @Provide
    Arbitrary<String> queries() {
        return Combinators.combine(Arbitraries.of("limit", "after", "x"), FuzzArbitraries.text()).as((n, v) -> n + "=" + FuzzAnswers.encoded(v))
                .list().ofMaxSize(3).map(parts -> String.join("&", parts));
    }

    @AfterContainer
    static void theServerStaysReadyAndItsStoreSound() throws Exception {
        FuzzAnswers.assertServerIntact();
    }
}
