package dev.llmworkbench.rest.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The API keys a caller may present, held only as SHA-256 digests. A presented key is hashed and compared with every
 * digest, without stopping at a match, so neither the time taken nor the comparison's length tells anything about
 * the keys: equal-length digests make {@link MessageDigest#isEqual} constant in the key's length too.
 */
public final class ApiKeys {
    private static final String FILE_PREFIX = "file:";

    private final List<byte[]> digests;

    private ApiKeys(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    /** No keys: the server is open. */
    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    /**
     * The keys of {@code workbench.auth.api-keys}: comma-separated, or {@code file:/path} to a file of one key a line
     * where blank lines and lines starting with {@code #} are skipped.
     */
    public static ApiKeys parse(String setting) {
        String spec = setting.strip();
        List<String> keys = spec.startsWith(FILE_PREFIX) ? fileLines(Path.of(spec.substring(FILE_PREFIX.length()).strip()))
                : List.of(spec.split(","));
        List<byte[]> digests = new ArrayList<>();
        for (String key : keys) {
            String stripped = key.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                digests.add(digest(stripped));
            }
        }
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("workbench.auth.api-keys is set but holds no key");
        }
        return new ApiKeys(digests);
    }

    private static List<String> fileLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The path alone: the exception's text could quote the file's content on some platforms.
            throw new UncheckedIOException("workbench.auth.api-keys: cannot read the key file " + file, e);
        }
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    public int size() {
        return digests.size();
    }

    /** Whether {@code presented} is one of the keys; every digest is compared whatever the outcome. */
    public boolean matches(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] candidate = digest(presented);
        boolean found = false;
        for (byte[] digest : digests) {
            found |= MessageDigest.isEqual(digest, candidate);
        }
        return found;
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The count alone, so that logging the set cannot show a key. */
    @Override
    public String toString() {
        return "ApiKeys[" + digests.size() + " keys]";
    }
}
