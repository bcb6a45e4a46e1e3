package dev.llmworkbench.persistence.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the store's migrations from the classpath: the folder's file {@code migrations} lists the scripts in order,
 * one {@code V001__load_tests.sql} a line. A list, not a folder scan, because a WAR's classpath cannot be listed
 * portably; a missing, misnamed or out-of-order script fails here, before anything touches the database.
 */
public final class Migrations {
    /** Where the workbench's own schema lives; each capability appends its scripts to the list there. */
    public static final String WORKBENCH = "db/sqlite";

    private static final Pattern FILE = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    private Migrations() {
    }

    public static List<Migration> fromClasspath(String folder) {
        List<Migration> migrations = new ArrayList<>();
        for (String line : read(folder + "/migrations").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Matcher file = FILE.matcher(line);
            if (!file.matches()) {
                throw new IllegalStateException(folder + "/migrations: '" + line + "' is not named like V001__load_tests.sql");
            }
            int version = Integer.parseInt(file.group(1));
            if (version != migrations.size() + 1) {
                throw new IllegalStateException(folder + "/migrations: " + line + " should be version " + (migrations.size() + 1));
            }
            migrations.add(new Migration(version, file.group(2), read(folder + "/" + line)));
        }
        return List.copyOf(migrations);
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
