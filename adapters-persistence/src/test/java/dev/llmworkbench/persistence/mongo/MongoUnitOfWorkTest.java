package dev.llmworkbench.persistence.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerConnectionState;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MongoUnitOfWorkTest {

    private static ClusterDescription cluster(ClusterType cluster, ServerType server, Integer sessionMinutes) {
        ServerDescription description = ServerDescription.builder().address(new ServerAddress("db1", 27017))
                .state(ServerConnectionState.CONNECTED).ok(true).type(server).setName(server == ServerType.STANDALONE ? null : "rs0")
                .logicalSessionTimeoutMinutes(sessionMinutes).build();
        return new ClusterDescription(cluster == ClusterType.STANDALONE ? ClusterConnectionMode.SINGLE : ClusterConnectionMode.MULTIPLE,
                cluster, List.of(description));
    }

    // MongoDB's manual: transactions need a replica set (4.0) or a sharded cluster (4.2), and sessions.
    @ParameterizedTest(name = "{0} {1}, sessions {2}: transactions {3}")
    @CsvSource(nullValues = "none", value = {
            "REPLICA_SET, REPLICA_SET_PRIMARY, 30, true",
            "SHARDED, SHARD_ROUTER, 30, true",
            "STANDALONE, STANDALONE, 30, false",
            "STANDALONE, STANDALONE, none, false",
            "REPLICA_SET, REPLICA_SET_PRIMARY, none, false"})
    void transactionsAreUsedOnlyWhereMongoDbOffersThem(ClusterType type, ServerType server, Integer sessions, boolean expected) {
        assertEquals(expected, MongoUnitOfWork.hasTransactions(cluster(type, server, sessions)));
    }
}
