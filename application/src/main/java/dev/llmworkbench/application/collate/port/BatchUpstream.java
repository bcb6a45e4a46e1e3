package dev.llmworkbench.application.collate.port;

import dev.llmworkbench.domain.collate.CollatedAnswer;
import java.io.IOException;
import java.util.Map;

/**
 * An upstream with OpenAI's Files and Batches API, as a collate route names it: OpenAI itself, or this server's own
 * batch server. Each call throws {@link IOException} when the upstream cannot be reached or refuses the call.
 */
public interface BatchUpstream {
    /** Uploads a JSONL file of chat completion lines ({@code purpose=batch}); answers its file id. */
    String upload(String fileName, byte[] jsonl) throws IOException, InterruptedException;

    /** Creates a {@code /v1/chat/completions} batch of that file with a 24h window. */
    UpstreamBatch create(String inputFileId) throws IOException, InterruptedException;

    UpstreamBatch retrieve(String batchId) throws IOException, InterruptedException;

    /** The upstream's {@code Batch} object as it sends it, for {@code GET /v1/batches} to show. */
    String batchObject(String batchId) throws IOException, InterruptedException;

    /**
     * The answers an output or error file holds, by {@code custom_id}: a line's {@code response} as it came, or, for
     * a line the upstream never sent (expired, cancelled), its {@code error} as an OpenAI error body.
     */
    Map<String, CollatedAnswer> answers(String fileId) throws IOException, InterruptedException;
}
