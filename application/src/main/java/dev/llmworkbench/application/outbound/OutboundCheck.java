package dev.llmworkbench.application.outbound;

import dev.llmworkbench.application.outbound.port.HostResolver;
import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.outbound.OutboundPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Checks an outbound target against {@code workbench.outbound.allow} before anything is sent to it: the host is
 * resolved and every address it resolves to is judged, so a name pointing at a metadata address is refused too.
 */
public final class OutboundCheck {
    public static final String KEY = "workbench.outbound.allow";

    private final OutboundPolicy policy;
    private final HostResolver resolver;

    public OutboundCheck(OutboundPolicy policy, HostResolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * A target a caller gave in {@code field}.
     *
     * @throws InvalidRequestException naming {@code field} when the target is not allowed
     */
    public void callerTarget(URI target, String field) {
        String refusal = refusal(target, true);
        if (refusal != null) {
            throw new InvalidRequestException(field, field + " " + refusal);
        }
    }

    /**
     * A target the configuration names under {@code key}, checked at start-up.
     *
     * @throws IllegalStateException naming {@code key} when the target is not allowed
     */
    public void configuredTarget(URI target, String key) {
        String refusal = refusal(target, false);
        if (refusal != null) {
            throw new IllegalStateException(key + " " + refusal);
        }
    }

    private String refusal(URI target, boolean callerGiven) {
        String host = target.getHost();
        if (host == null) {
            return "has no host.";
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        // A configured host allowed by its name needs no lookup: start-up does not wait on DNS for it.
        if (!callerGiven && policy.judge(bare, port, List.of(), false) == OutboundPolicy.Verdict.ALLOWED) {
            return null;
        }
        List<InetAddress> addresses = resolver.resolve(bare);
        return switch (policy.judge(bare, port, addresses, callerGiven)) {
            case ALLOWED -> null;
            case METADATA -> "'" + shown(host, port) + "' resolves to a link-local or cloud metadata address, which is never called.";
            case NOT_ALLOWED -> addresses.isEmpty() && callerGiven
                    ? "'" + shown(host, port) + "' could not be resolved, and is not named in " + KEY + "."
                    : "'" + shown(host, port) + "' is not in " + KEY + ".";
        };
    }

    /** Host and port only: a path or query may hold a key. */
    private static String shown(String host, int port) {
        String printable = host.replaceAll("[^\\x20-\\x7E]", "?");
        return (printable.length() > 100 ? printable.substring(0, 100) + "..." : printable) + ":" + port;
    }
}
