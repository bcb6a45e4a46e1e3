package dev.llmworkbench.persistence.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * A MongoDB for the store's tests, spoken to over the wire protocol by the real driver: a real server when the
 * environment names one ({@code MONGODB_URI=mongodb://localhost:27017}), else mongo-java-server in this process on a
 * free loopback port. Each test gets a database of its own, dropped when it closes, so tests never see each other's
 * documents, even on a shared real server.
 */
public final class TestMongo implements AutoCloseable {
    private final MongoServer inProcess;
    private final String uri;
    private MongoStore store;

    private TestMongo(MongoServer inProcess, String uri) {
        this.inProcess = inProcess;
        this.uri = uri;
        this.store = MongoStore.open(uri);
    }

    public static TestMongo start() {
        String database = "workbench_test_" + UUID.randomUUID().toString().replace("-", "");
        String real = System.getenv("MONGODB_URI");
        if (real != null && !real.isBlank()) {
            return new TestMongo(null, withDatabase(real, database));
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        // bind() takes a free port on the loopback interface and answers it
        InetSocketAddress address = server.bind();
        return new TestMongo(server, "mongodb://127.0.0.1:" + address.getPort() + "/" + database);
    }

    /** Puts the test's database into a URI that may have none, a path, or options after {@code ?}. */
    static String withDatabase(String uri, String database) {
        int scheme = uri.indexOf("://") + 3;
        int query = uri.indexOf('?', scheme);
        String options = query < 0 ? "" : uri.substring(query);
        String hostsAndPath = query < 0 ? uri : uri.substring(0, query);
        int slash = hostsAndPath.indexOf('/', scheme);
        String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);
        return hosts + "/" + database + options;
    }

    public MongoStore store() {
        return store;
    }

    /** Closes the client, as a shutdown would, and connects to the same database again: what was kept must be there. */
    public MongoStore reopen() {
        store.close();
        store = MongoStore.open(uri);
        return store;
    }

    /** True when the tests run against a real MongoDB, for the few behaviours the in-process server lacks. */
    public boolean isReal() {
        return inProcess == null;
    }

    @Override
    public void close() {
        try {
            store.database().drop();
        } finally {
            store.close();
            if (inProcess != null) {
                inProcess.shutdownNow();
            }
        }
    }
}
