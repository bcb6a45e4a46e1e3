package dev.llmworkbench.persistence.sqlite;

import dev.llmworkbench.application.files.port.FilePage;
import dev.llmworkbench.application.files.port.FileQuery;
import dev.llmworkbench.application.files.port.FileStore;
import dev.llmworkbench.domain.files.UnknownFileException;
import dev.llmworkbench.domain.files.FilePurpose;
import dev.llmworkbench.domain.files.NewFile;
import dev.llmworkbench.domain.files.StoredFile;
import dev.llmworkbench.persistence.FileIds;
import dev.llmworkbench.persistence.LimitedOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The Files API's store: rows in the {@code files} table (migration V003), bytes in {@code <data dir>/files/<id>}. A
 * file is written to a temporary file in the same folder, forced to disk and moved into place in one step before its
 * row is inserted, so a row always has all of its bytes; every statement on the table is here.
 */
public final class SqliteFileStore implements FileStore {
    static final String FOLDER = "files";
    private static final String TEMP_SUFFIX = ".part";
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final String COLUMNS = "id, filename, purpose, bytes, created_at, expires_at";
    private static final String INSERT = "INSERT INTO files (" + COLUMNS + ") VALUES (:id, :filename, :purpose, :bytes, "
            + ":created_at, :expires_at)";
    private static final String VISIBLE = "(expires_at IS NULL OR expires_at > :now)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM files WHERE id = :id AND " + VISIBLE;
    // A cursor naming no row makes the row value NULL, the comparison NULL, and so the page empty, as for completions.
    private static final String PAGE = "SELECT " + COLUMNS + " FROM files WHERE " + VISIBLE
            + " AND (:purpose IS NULL OR purpose = :purpose)"
            + " AND (:after IS NULL OR (created_at, id) %s (SELECT created_at, id FROM files WHERE id = :after))"
            + " ORDER BY created_at %s, id %s LIMIT :limit";
    private static final String PAGE_ASC = PAGE.formatted(">", "ASC", "ASC");
    private static final String PAGE_DESC = PAGE.formatted("<", "DESC", "DESC");
    private static final String DELETE = "DELETE FROM files WHERE id = :id";
    private static final String COUNT = "SELECT COUNT(*) FROM files WHERE " + VISIBLE;
    private static final String EXPIRED = "DELETE FROM files WHERE expires_at <= :now RETURNING id";
    private static final String ALL_IDS = "SELECT id FROM files";

    private final Jdbi jdbi;
    private final Path folder;
    private final Clock clock;
    private final FileIds fileIds = new FileIds();

    /** Opens the folder beside the database, removing what a crash left there: temporary files and bytes with no row. */
    public SqliteFileStore(SqliteStore store, Clock clock) {
        this.jdbi = store.jdbi();
        this.folder = store.file().getParent().resolve(FOLDER);
        this.clock = clock;
        try {
            Files.createDirectories(folder);
            sweep();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the files folder " + folder, e);
        }
    }

    @Override
    public StoredFile save(NewFile file, Content content) throws IOException {
        Path temp = Files.createTempFile(folder, "upload-", TEMP_SUFFIX);
        try {
            long bytes = write(temp, file.maxBytes(), content);
            StoredFile stored = new StoredFile(fileIds.next(), bytes, Instant.ofEpochSecond(clock.instant().getEpochSecond()),
                    file.expiresAt().map(at -> Instant.ofEpochSecond(at.getEpochSecond())), file.filename(), file.purpose());
            Path target = folder.resolve(stored.id());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            try {
                insert(stored);
            } catch (RuntimeException failure) {
                Files.deleteIfExists(target);
                throw failure;
            }
            return stored;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<StoredFile> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND).bind("id", id).bind("now", now())
                .map(SqliteFileStore::row).findOne());
    }

    @Override
    public InputStream open(String id) throws IOException {
        if (find(id).isEmpty()) {
            throw new UnknownFileException(id);
        }
        try {
            return Files.newInputStream(folder.resolve(id));
        } catch (NoSuchFileException deletedMeanwhile) {
            throw new UnknownFileException(id);
        }
    }

    @Override
    public FilePage list(FileQuery query) {
        // One row more than the page tells whether more follow it.
        List<StoredFile> files = jdbi.withHandle(handle -> handle.createQuery(query.ascending() ? PAGE_ASC : PAGE_DESC)
                .bind("now", now())
                .bind("purpose", query.purpose().map(FilePurpose::wire).orElse(null))
                .bind("after", query.after().orElse(null))
                .bind("limit", query.limit() + 1)
                .map(SqliteFileStore::row).list());
        boolean hasMore = files.size() > query.limit();
        return new FilePage(hasMore ? files.subList(0, query.limit()) : files, hasMore);
    }

    @Override
    public long count() {
        return jdbi.withHandle(handle -> handle.createQuery(COUNT).bind("now", now()).mapTo(Long.class).one());
    }

    @Override
    public boolean delete(String id) {
        if (find(id).isEmpty()) {
            return false;
        }
        boolean deleted = jdbi.withHandle(handle -> handle.createUpdate(DELETE).bind("id", id).execute()) > 0;
        deleteBytes(id);
        return deleted;
    }

    /** Rows then bytes: a crash between the two leaves bytes the next start-up's prune removes. */
    @Override
    public int pruneExpired() {
        List<String> ids = jdbi.withHandle(handle -> handle.createQuery(EXPIRED).bind("now", now()).mapTo(String.class).list());
        ids.forEach(this::deleteBytes);
        return ids.size();
    }

    private long write(Path temp, long maxBytes, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            LimitedOutputStream out = new LimitedOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES), maxBytes);
            content.writeTo(out);
            out.flush();
            // The bytes reach the disk before the row that announces them.
            channel.force(true);
            return out.count();
        }
    }

    private void insert(StoredFile file) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("id", file.id())
                .bind("filename", file.filename())
                .bind("purpose", file.purpose().wire())
                .bind("bytes", file.bytes())
                .bind("created_at", file.createdAt().getEpochSecond())
                .bind("expires_at", file.expiresAt().map(Instant::getEpochSecond).orElse(null))
                .execute());
    }

    private void sweep() throws IOException {
        pruneExpired();
        Set<String> kept = Set.copyOf(jdbi.withHandle(handle -> handle.createQuery(ALL_IDS).mapTo(String.class).list()));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!kept.contains(entry.getFileName().toString())) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    private void deleteBytes(String id) {
        try {
            Files.deleteIfExists(folder.resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bytes of " + id, e);
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static StoredFile row(ResultSet rs, StatementContext context) throws SQLException {
        long expiresAt = rs.getLong("expires_at");
        Optional<Instant> expiry = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expiresAt));
        return new StoredFile(rs.getString("id"), rs.getLong("bytes"), Instant.ofEpochSecond(rs.getLong("created_at")),
                expiry, rs.getString("filename"), FilePurpose.parse(rs.getString("purpose")));
    }
}
