package dev.llmworkbench.persistence.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.TransactionOptions;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.AggregateIterable;
import com.mongodb.client.ClientSession;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Several reads and writes as one unit: one transaction when the deployment has transactions (a replica set or a
 * sharded cluster, as production runs), else the same operations one after another with no session, as on a
 * standalone server or the in-process test server. Callers order their writes so that a crash between any two of
 * them leaves nothing wrong, and say how; with a transaction, nothing of a unit is seen until all of it is.
 */
final class MongoUnitOfWork {
    private static final TransactionOptions SNAPSHOT = TransactionOptions.builder()
            .readConcern(ReadConcern.SNAPSHOT).writeConcern(WriteConcern.MAJORITY).build();

    private final MongoClient client;
    private final boolean transactions;

    MongoUnitOfWork(MongoStore store) {
        this.client = store.client();
        this.transactions = hasTransactions(client.getClusterDescription());
    }

    /** Transactions need sessions and a deployment that replicates (MongoDB 4.0 replica sets, 4.2 sharded clusters). */
    static boolean hasTransactions(ClusterDescription cluster) {
        return (cluster.getType() == ClusterType.REPLICA_SET || cluster.getType() == ClusterType.SHARDED)
                && cluster.getLogicalSessionTimeoutMinutes() != null;
    }

    boolean transactional() {
        return transactions;
    }

    /** Runs {@code work}; in a transaction the driver runs it again after a transient error (a write conflict). */
    <T> T run(Function<Operations, T> work) {
        if (!transactions) {
            return work.apply(Operations.ALONE);
        }
        try (ClientSession session = client.startSession()) {
            return session.withTransaction(() -> work.apply(new Operations(session)), SNAPSHOT);
        }
    }

    /** The operations a unit makes, in its transaction's session when it has one. */
    static final class Operations {
        /** Single operations, outside any unit. */
        static final Operations ALONE = new Operations(null);

        private final ClientSession session;

        private Operations(ClientSession session) {
            this.session = session;
        }

        FindIterable<Document> find(MongoCollection<Document> collection, Bson filter) {
            return session == null ? collection.find(filter) : collection.find(session, filter);
        }

        AggregateIterable<Document> aggregate(MongoCollection<Document> collection, List<Bson> pipeline) {
            return session == null ? collection.aggregate(pipeline) : collection.aggregate(session, pipeline);
        }

        UpdateResult updateOne(MongoCollection<Document> collection, Bson filter, Bson update) {
            return session == null ? collection.updateOne(filter, update) : collection.updateOne(session, filter, update);
        }

        DeleteResult deleteMany(MongoCollection<Document> collection, Bson filter) {
            return session == null ? collection.deleteMany(filter) : collection.deleteMany(session, filter);
        }

        BulkWriteResult bulkWrite(MongoCollection<Document> collection, List<? extends WriteModel<Document>> writes) {
            BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
            return session == null ? collection.bulkWrite(writes, unordered) : collection.bulkWrite(session, writes, unordered);
        }
    }
}
