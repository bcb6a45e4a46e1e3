package dev.llmworkbench.persistence.sqlite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One numbered SQL script of the store's schema, applied once; its checksum detects a script edited after it ran.
 *
 * @param name the part of the file name after {@code V001__}, such as {@code load_tests}
 */
public record Migration(int version, String name, String sql) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("version < 1");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("migration name must be lower-case words joined by _: " + name);
        }
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("migration V" + version + " is empty");
        }
    }

    /** SHA-256 of the script's UTF-8 bytes, in hex. */
    public String checksum() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The file name the migration has on the classpath, {@code V001__load_tests.sql}. */
    public String fileName() {
        return "V%03d__%s.sql".formatted(version, name);
    }
}
