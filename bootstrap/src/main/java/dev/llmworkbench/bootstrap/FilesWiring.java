package dev.llmworkbench.bootstrap;

import dev.llmworkbench.application.files.DeleteFile;
import dev.llmworkbench.application.files.GetFile;
import dev.llmworkbench.application.files.GetFileContent;
import dev.llmworkbench.application.files.ListFiles;
import dev.llmworkbench.application.files.UploadFile;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.rest.files.FileUploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Files API: the file store beside the SQLite store ({@code <workbench.data.dir>/files}), uploads of at most
 * {@code workbench.files.max-bytes} spooled under {@code <workbench.data.dir>/uploads}, and expired files pruned at
 * start-up and every hour after.
 */
@ApplicationScoped
public class FilesWiring {
    private static final Logger LOG = Logger.getLogger(FilesWiring.class.getName());

    @Inject
    @ConfigProperty(name = "workbench.data.dir", defaultValue = "data")
    String dataDir;

    // OpenAI's own limit per file for the Batch API: 200 MB.
    @Inject
    @ConfigProperty(name = "workbench.files.max-bytes", defaultValue = "209715200")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "workbench.files.max-count", defaultValue = "10000")
    long maxCount;

    private ScheduledExecutorService pruning;

    @Produces
    @Singleton
    UploadFile uploadFile(FileStore store) {
        return new UploadFile(store, maxBytes, maxCount, Clock.systemUTC());
    }

    /** The spool holds uploads only while they are read, so whatever is in it at start-up was cut short. */
    @Produces
    @Singleton
    FileUploads fileUploads(UploadFile upload) {
        Path spool = Path.of(dataDir).toAbsolutePath().resolve("uploads");
        try {
            Files.createDirectories(spool);
            try (Stream<Path> left = Files.list(spool)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the upload spool " + spool, e);
        }
        return new FileUploads(upload, spool);
    }

    @Produces
    @Singleton
    GetFile getFile(FileStore store) {
        return new GetFile(store);
    }

    @Produces
    @Singleton
    ListFiles listFiles(FileStore store) {
        return new ListFiles(store);
    }

    @Produces
    @Singleton
    GetFileContent getFileContent(FileStore store) {
        return new GetFileContent(store);
    }

    @Produces
    @Singleton
    DeleteFile deleteFile(FileStore store) {
        return new DeleteFile(store);
    }

    void pruneOnSchedule(@Observes Startup startup, FileStore store) {
        pruning = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("files-expiry").daemon(true).factory());
        pruning.scheduleWithFixedDelay(() -> {
            try {
                int deleted = store.pruneExpired();
                LOG.info(() -> "event=files_expired deleted=" + deleted);
            } catch (RuntimeException failure) {
                LOG.warning(() -> "event=files_expiry_failed type=" + failure.getClass().getSimpleName());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    void stopPruning(@Observes Shutdown shutdown) {
        if (pruning != null) {
            pruning.shutdownNow();
        }
    }
}
