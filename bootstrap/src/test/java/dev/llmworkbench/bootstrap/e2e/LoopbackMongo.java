package dev.llmworkbench.bootstrap.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * A MongoDB for the wiring test: mongo-java-server in the test's JVM on a free loopback port, spoken to over TCP by the
 * Liberty under test, until the JVM ends. Kept out of the micro-deployment: only the client side starts it.
 */
final class LoopbackMongo {
    private static String uri;

    private LoopbackMongo() {
    }

    static synchronized String uri() {
        if (uri == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            uri = "mongodb://127.0.0.1:" + address.getPort() + "/workbench_wiring";
        }
        return uri;
    }
}
