package dev.llmworkbench.application.collate;

import dev.llmworkbench.application.collate.port.BatchUpstream;
import dev.llmworkbench.application.collate.port.UpstreamBatch;
import dev.llmworkbench.domain.batch.BatchStatus;
import dev.llmworkbench.domain.batch.RequestCounts;
import dev.llmworkbench.domain.collate.CollatedAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upstream that answers every line with a body naming its own {@code custom_id}, so a test sees which request got
 * which answer. Each batch is in progress at its first poll and ends {@code ending} at its second; lines listed in
 * {@code unanswered} get no output line.
 */
final class ScriptedBatchUpstream implements BatchUpstream {
    private static final Pattern CUSTOM_ID = Pattern.compile("\"custom_id\":\"([^\"]+)\"");

    final List<List<String>> files = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> polls = new LinkedHashMap<>();
    private final BatchStatus ending;
    private final boolean refuseUploads;
    private final List<String> unanswered = new CopyOnWriteArrayList<>();

    ScriptedBatchUpstream(BatchStatus ending, boolean refuseUploads) {
        this.ending = ending;
        this.refuseUploads = refuseUploads;
    }

    void leaveUnanswered(String customId) {
        unanswered.add(customId);
    }

    static String bodyFor(String customId) {
        return "{\"object\":\"chat.completion\",\"answer_for\":\"" + customId + "\"}";
    }

    @Override
    public String upload(String fileName, byte[] jsonl) throws IOException {
        if (refuseUploads) {
            throw new IOException("the upstream answered 401 to upload the batch file");
        }
        List<String> ids = new ArrayList<>();
        Matcher id = CUSTOM_ID.matcher(new String(jsonl, StandardCharsets.UTF_8));
        while (id.find()) {
            ids.add(id.group(1));
        }
        files.add(List.copyOf(ids));
        return "file-" + (files.size() - 1);
    }

    @Override
    public UpstreamBatch create(String inputFileId) {
        return batch("batch_" + inputFileId.substring(5), BatchStatus.VALIDATING);
    }

    @Override
    public synchronized UpstreamBatch retrieve(String batchId) {
        int poll = polls.merge(batchId, 1, Integer::sum);
        return batch(batchId, poll < 2 ? BatchStatus.IN_PROGRESS : ending);
    }

    @Override
    public String batchObject(String batchId) {
        return "{\"id\":\"" + batchId + "\",\"object\":\"batch\"}";
    }

    @Override
    public Map<String, CollatedAnswer> answers(String fileId) {
        Map<String, CollatedAnswer> answers = new LinkedHashMap<>();
        files.get(Integer.parseInt(fileId.substring("out-".length()))).stream().filter(id -> !unanswered.contains(id))
                .forEach(id -> answers.put(id, new CollatedAnswer(200, bodyFor(id))));
        return answers;
    }

    private UpstreamBatch batch(String id, BatchStatus status) {
        int file = Integer.parseInt(id.substring("batch_".length()));
        int total = files.get(file).size();
        boolean ended = status == BatchStatus.COMPLETED || status == BatchStatus.EXPIRED;
        return new UpstreamBatch(id, status, new RequestCounts(total, ended ? total - unanswered.size() : 0, 0),
                ended ? Optional.of("out-" + file) : Optional.empty(), Optional.empty());
    }
}
