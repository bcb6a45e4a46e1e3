package dev.llmworkbench.application.batch;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.batch.OutputExpiry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/batches}: the input file, and optionally the endpoint (else the one its lines' {@code url} names),
 * the completion window (else {@code 24h}), metadata (OpenAI's: at most 16 pairs, keys up to 64 and values up to
 * 512 characters) and the output files' expiry.
 */
public record CreateBatchCommand(String inputFileId, Optional<String> endpoint, Optional<String> completionWindow,
                                 Map<String, String> metadata, Optional<OutputExpiry> outputExpiry) {
    public CreateBatchCommand {
        Objects.requireNonNull(inputFileId, "inputFileId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(completionWindow, "completionWindow");
        Objects.requireNonNull(outputExpiry, "outputExpiry");
        metadata = Map.copyOf(metadata);
        if (inputFileId.isBlank()) {
            throw new InvalidRequestException("input_file_id", "missing_required_parameter", "Missing required parameter: 'input_file_id'.");
        }
        if (metadata.size() > 16) {
            throw new InvalidRequestException("metadata", "invalid_value", "'metadata' may hold at most 16 pairs, got " + metadata.size() + ".");
        }
        metadata.forEach((key, value) -> {
            if (key.length() > 64 || value.length() > 512) {
                throw new InvalidRequestException("metadata", "invalid_value",
                        "'metadata' keys may have at most 64 characters and values at most 512.");
            }
        });
    }
}
