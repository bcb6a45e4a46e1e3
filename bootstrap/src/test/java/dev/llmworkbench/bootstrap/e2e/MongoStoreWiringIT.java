package dev.llmworkbench.bootstrap.e2e;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The wiring with {@code workbench.store=mongodb}: the real driver over TCP to mongo-java-server in the test's JVM. */
class MongoStoreWiringIT extends StoreWiringInLiberty {

    @Deployment
    static WebArchive deployment() {
        return StoreDeployment.of("wiring-mongodb", MongoStoreWiringIT.class,
                "workbench.store=mongodb\nworkbench.mongodb.uri=" + LoopbackMongo.uri() + "\n");
    }

    @Override
    String adapterPrefix() {
        return "Mongo";
    }
}
