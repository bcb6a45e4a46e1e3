package dev.llmworkbench.persistence.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.llmworkbench.persistence.SortableInstants;
import java.time.Instant;
import org.bson.conversions.Bson;

/**
 * The order of the paged lists: newest {@code created_at} first, the larger {@code _id} first within an instant, so
 * the order is total and a cursor (the last id of a page) names exactly where the next page starts.
 */
final class NewestFirst {
    static final Bson SORT = Sorts.descending("created_at", "_id");
    static final Bson INDEX = Indexes.descending("created_at", "_id");

    private NewestFirst() {
    }

    /** Documents after the cursor in this order: created before it, or at the same instant with a smaller id. */
    static Bson after(Instant cursorCreatedAt, String cursorId) {
        String createdAt = SortableInstants.format(cursorCreatedAt);
        return or(lt("created_at", createdAt), and(eq("created_at", createdAt), lt("_id", cursorId)));
    }
}
