package dev.llmworkbench.persistence.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The workbench's MongoDB database, the alternative to {@code SqliteStore} chosen with {@code workbench.store=mongodb}.
 * One client for the process (the driver pools its connections); the database is the one the URI names
 * ({@code mongodb://host/workbench}), {@code workbench} when it names none. Each repository creates the indexes its
 * queries need when it is made, so a new database needs no set-up.
 */
public final class MongoStore implements AutoCloseable {
    public static final String DEFAULT_DATABASE = "workbench";

    private final MongoClient client;
    private final MongoDatabase database;
    private final String where;

    private MongoStore(MongoClient client, MongoDatabase database, String where) {
        this.client = client;
        this.database = database;
        this.where = where;
    }

    /**
     * Connects and pings, so a wrong URI or a server that is down stops the start-up with the driver's reason instead
     * of failing the first request. The URI's credentials never leave this method: {@link #where()} has host and
     * database only.
     */
    public static MongoStore open(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        try {
            String name = connection.getDatabase() == null ? DEFAULT_DATABASE : connection.getDatabase();
            MongoDatabase database = client.getDatabase(name);
            database.runCommand(new Document("ping", 1));
            return new MongoStore(client, database, String.join(",", connection.getHosts()) + "/" + name);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoClient client() {
        return client;
    }

    /** Hosts and database name, for logs: no user name or password. */
    public String where() {
        return where;
    }

    @Override
    public void close() {
        client.close();
    }
}
