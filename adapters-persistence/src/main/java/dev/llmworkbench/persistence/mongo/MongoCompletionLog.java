package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import dev.llmworkbench.application.gateway.port.CompletionLog;
import dev.llmworkbench.application.gateway.port.CompletionPage;
import dev.llmworkbench.application.gateway.port.CompletionQuery;
import dev.llmworkbench.application.gateway.port.UsageRow;
import dev.llmworkbench.domain.gateway.Completion;
import dev.llmworkbench.persistence.SortableInstants;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The completion log in the {@code completions} collection, one document a row under the gateway's request id, with
 * the SQLite table's column names as field names so a script reads either store the same way.
 */
public final class MongoCompletionLog implements CompletionLog {
    private final MongoCollection<Document> completions;

    public MongoCompletionLog(MongoStore store) {
        this.completions = store.database().getCollection("completions");
        completions.createIndex(NewestFirst.INDEX);
        completions.createIndex(Indexes.compoundIndex(Indexes.ascending("model", "route"), NewestFirst.INDEX));
        completions.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), NewestFirst.INDEX));
        completions.createIndex(Indexes.ascending("day", "model", "route"));
    }

    @Override
    public void append(List<Completion> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            // Unordered, so a row already kept is skipped and every other row still goes in, in one round trip. Without
            // a transaction, a crash midway can keep part of the rows (the README's Stores section says so).
            completions.insertMany(rows.stream().map(CompletionDocuments::document).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Completion> find(String id) {
        return Optional.ofNullable(completions.find(eq("_id", id)).first()).map(CompletionDocuments::completion);
    }

    @Override
    public CompletionPage list(CompletionQuery query) {
        List<Bson> filters = new ArrayList<>();
        query.model().ifPresent(model -> filters.add(eq("model", model)));
        query.route().ifPresent(route -> filters.add(eq("route", route)));
        query.status().ifPresent(status -> filters.add(eq("status", status)));
        query.since().ifPresent(since -> filters.add(gte("created_at", SortableInstants.format(since))));
        query.until().ifPresent(until -> filters.add(lt("created_at", SortableInstants.format(until))));
        if (query.after().isPresent()) {
            Optional<Completion> cursor = find(query.after().get());
            if (cursor.isEmpty()) {
                return new CompletionPage(List.of(), false);
            }
            filters.add(NewestFirst.after(cursor.get().created(), cursor.get().id()));
        }
        // One row more than the page tells whether older rows follow it.
        List<Completion> found = completions.find(filters.isEmpty() ? new Document() : and(filters)).sort(NewestFirst.SORT)
                .limit(query.limit() + 1).map(CompletionDocuments::completion).into(new ArrayList<>());
        boolean hasMore = found.size() > query.limit();
        return new CompletionPage(hasMore ? found.subList(0, query.limit()) : found, hasMore);
    }

    @Override
    public List<UsageRow> usage() {
        // Grouped on the stored day rather than on a date expression of created_at: the day is a plain field, so the
        // group needs no $dateToString, which mongo-java-server lacks, and sums a missing count as 0 as SQLite does.
        return completions.aggregate(List.of(
                Aggregates.group(new Document("day", "$day").append("model", "$model").append("route", "$route"),
                        Accumulators.sum("requests", 1),
                        Accumulators.sum("prompt", "$prompt_tokens"),
                        Accumulators.sum("completion", "$completion_tokens"),
                        Accumulators.sum("total", "$total_tokens")),
                Aggregates.sort(Sorts.orderBy(Sorts.descending("_id.day"), Sorts.ascending("_id.model", "_id.route")))))
                .map(MongoCompletionLog::usageRow).into(new ArrayList<>());
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return (int) completions.deleteMany(lt("created_at", SortableInstants.format(cutoff))).getDeletedCount();
    }

    private static UsageRow usageRow(Document group) {
        Document key = group.get("_id", Document.class);
        return new UsageRow(LocalDate.parse(key.getString("day")), key.getString("model"), key.getString("route"),
                number(group, "requests"), number(group, "prompt"), number(group, "completion"), number(group, "total"));
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
