package dev.llmworkbench.bootstrap.e2e;

import dev.llmworkbench.bootstrap.PersistenceWiring;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The micro-deployment of the store wiring tests: {@link PersistenceWiring}, the persistence adapter and what it needs
 * (taken from the built WAR's libraries, so they are the jars the application ships), the in-container test, and a
 * {@code microprofile-config.properties} that picks the store. Nothing of the REST adapter, the emulator or the
 * gateway is in it: the ports come from the wiring alone.
 */
final class StoreDeployment {
    private static final List<String> LIBRARIES = List.of("domain-", "application-", "jtokkit-", "adapters-persistence-",
            "jdbi3-core-", "slf4j-api-", "geantyref-", "sqlite-jdbc-", "mongodb-driver-sync-", "mongodb-driver-core-", "bson-");

    private StoreDeployment() {
    }

    static WebArchive of(String name, Class<?> test, String config) {
        File[] jars = Path.of(System.getProperty("workbench.it.war.lib")).toFile()
                .listFiles(jar -> LIBRARIES.stream().anyMatch(jar.getName()::startsWith));
        if (jars == null || jars.length < LIBRARIES.size()) {
            throw new IllegalStateException("the built WAR's libraries lack some of " + LIBRARIES + ": " + Arrays.toString(jars));
        }
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClass(PersistenceWiring.class)
                .addClasses(StoreWiringInLiberty.class, test)
                .addAsLibraries(jars)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
