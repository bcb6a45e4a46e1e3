package dev.llmworkbench.rest.auth;

import dev.llmworkbench.rest.Loopback;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key this process gives its own calls to itself (batch lines, a load test of its own emulator, a gateway route
 * that points back at this server), so they pass the access filter when API keys are set. It is random per start,
 * held only in memory, and sent only to this server's own port on loopback: never to another host, never logged,
 * never shown. It travels in its own header, so a caller's or a route's {@code Authorization} stays what it was.
 */
public final class InternalKey {
    /** The header the key travels in; the gateway never forwards it. */
    public static final String HEADER = "X-Workbench-Internal-Key";

    private final String value;
    private final byte[] digest;
    private final int port;

    /** @param port the port this server listens on (server.xml's {@code http.port}) */
    public InternalKey(SecureRandom random, int port) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.value = HexFormat.of().formatHex(bytes);
        this.digest = ApiKeys.digest(value);
        this.port = port;
    }

    /** The key when {@code target} is this server on loopback, else nothing: it never leaves the process's machine. */
    public Optional<String> forTarget(URI target) {
        return isSelf(target) ? Optional.of(value) : Optional.empty();
    }

    boolean isSelf(URI target) {
        if (target == null || target.getHost() == null || !"http".equalsIgnoreCase(target.getScheme())) {
            return false;
        }
        int targetPort = target.getPort() == -1 ? 80 : target.getPort();
        return targetPort == port && Loopback.is(target.getHost());
    }

    /** Whether a presented value is this key, compared in constant time. */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, ApiKeys.digest(presented));
    }

    @Override
    public String toString() {
        return "InternalKey[port=" + port + "]";
    }
}
