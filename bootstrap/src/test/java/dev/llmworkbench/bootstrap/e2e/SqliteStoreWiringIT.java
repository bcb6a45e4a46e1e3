package dev.llmworkbench.bootstrap.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The wiring with {@code workbench.store=sqlite}: a database file in a fresh directory under the build's target. */
class SqliteStoreWiringIT extends StoreWiringInLiberty {

    @Deployment
    static WebArchive deployment() throws IOException {
        String dataDir = Files.createTempDirectory(Path.of("target"), "wiring-sqlite").toAbsolutePath().toString();
        return StoreDeployment.of("wiring-sqlite", SqliteStoreWiringIT.class,
                "workbench.store=sqlite\nworkbench.data.dir=" + dataDir.replace("\\", "\\\\") + "\n");
    }

    @Override
    String adapterPrefix() {
        return "Sqlite";
    }
}
