package dev.llmworkbench.bootstrap.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * {@code /v1/files} with generated multipart uploads (hostile field names, purposes, filenames, expiries, broken
 * boundaries and JSONL content) and hostile ids and list parameters: never a 5xx, never the server's insides, every
 * refusal in OpenAI's shape; the server stays ready and its store sound. Kept files are deleted again.
 */
class FilesFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Upload(String purpose, String filename, String content, String fieldName, String expiry, int breakage) {
    }

    @Provide
    Arbitrary<Upload> uploads() {
        Arbitrary<String> purposes = Arbitraries.oneOf(Arbitraries.of("batch", "user_data", "fine-tune", "assistants", "vision", "evals"),
                FuzzArbitraries.text());
        Arbitrary<String> content = Arbitraries.oneOf(FuzzArbitraries.text(),
                FuzzArbitraries.mutated("{\"custom_id\":\"r1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
                        + "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}").list().ofMaxSize(4)
                        .map(lines -> String.join("\n", lines)));
        return Combinators.combine(purposes, FuzzArbitraries.text(), content,
                Arbitraries.of("file", "purpose", "x", ""), Arbitraries.oneOf(Arbitraries.just(""), FuzzArbitraries.text(),
                        Arbitraries.of("3600", "-1", "99999999999999999999", "2592000")),
                Arbitraries.integers().between(0, 5)).as(Upload::new);
    }

    @Property(tries = 200)
    void everyUploadIsKeptOrRefusedInOpenAisShape(@ForAll("uploads") Upload upload) throws Exception {
        byte[] body = body(upload);
        String boundary = upload.breakage() == 1 ? "other-boundary" : Multipart.BOUNDARY;
        String type = upload.breakage() == 2 ? "text/plain" : "multipart/form-data; boundary=" + boundary;
        HttpResponse<String> answer = FuzzAnswers.send(FuzzAnswers.request("/v1/files").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), FuzzAnswers.Shape.OPENAI, upload.toString());
        if (answer.statusCode() == 200) {
            String id = JSON.readTree(answer.body()).get("id").asText();
            FuzzAnswers.send(FuzzAnswers.request("/v1/files/" + id).DELETE(), FuzzAnswers.Shape.OPENAI, "delete " + id);
        }
    }

    @Property(tries = 200)
    void everyIdAndListParameterIsAnsweredWithoutA5xx(@ForAll("ids") String id, @ForAll("queries") String query) throws Exception {
        String path = "/v1/files/" + id;
        FuzzAnswers.send(FuzzAnswers.request(path), FuzzAnswers.Shape.OPENAI, "GET " + path);
        FuzzAnswers.send(FuzzAnswers.request(path + "/content"), FuzzAnswers.Shape.OPENAI, "GET content " + path);
        FuzzAnswers.send(FuzzAnswers.request(path).DELETE(), FuzzAnswers.Shape.OPENAI, "DELETE " + path);
        FuzzAnswers.send(FuzzAnswers.request("/v1/files?" + query), FuzzAnswers.Shape.OPENAI, "list " + query);
    }

    @Provide
    Arbitrary<String> ids() {
        return FuzzArbitraries.pathId("file-").map(FuzzAnswers::encoded);
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.of("limit", "order", "after", "purpose", "x");
        return Combinators.combine(name, FuzzArbitraries.text()).as((n, v) -> n + "=" + FuzzAnswers.encoded(v))
                .list().ofMaxSize(4).map(parts -> String.join("&", parts));
    }

    @AfterContainer
    static void theServerStaysReadyAndItsStoreSound() throws Exception {
        FuzzAnswers.assertServerIntact();
    }

    private static byte[] body(Upload upload) {
        Multipart form = new Multipart();
        if (upload.breakage() != 3) {
            form.field("purpose", upload.purpose());
        }
        if (!upload.expiry().isEmpty()) {
            form.field("expires_after[anchor]", "created_at").field("expires_after[seconds]", upload.expiry());
        }
        if (upload.breakage() != 4) {
            form.file(upload.fieldName().isEmpty() ? "file" : upload.fieldName(), upload.filename(), upload.content().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = form.bytes();
        // a form cut short: no closing boundary
        return upload.breakage() == 5 ? Arrays.copyOf(whole, Math.max(0, whole.length - 40)) : whole;
    }
}
