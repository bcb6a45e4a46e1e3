package dev.llmworkbench.domain.outbound;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/** One entry of {@code workbench.outbound.allow}: a host name or a block of addresses, on any port or on one. */
public sealed interface OutboundRule {
    /** Whether a target at {@code host:port} that resolved to {@code addresses} is admitted by this entry. */
    boolean admits(String host, int port, List<InetAddress> addresses);

    /**
     * A host by name, case-insensitive; {@code *.example.com} admits every name under {@code example.com} (not the name
     * itself).
     */
    record Host(String name, OptionalInt port) implements OutboundRule {
        public Host {
            name = normalised(Objects.requireNonNull(name, "name"));
            if (name.isEmpty() || name.equals("*.") || name.indexOf('*', 1) >= 0 || name.startsWith("*") && !name.startsWith("*.")) {
                throw new IllegalArgumentException("not a host name or *.domain: " + name);
            }
            Objects.requireNonNull(port, "port");
        }

        @Override
        public boolean admits(String host, int targetPort, List<InetAddress> addresses) {
            String candidate = normalised(host);
            boolean named = name.startsWith("*.") ? candidate.endsWith(name.substring(1)) : candidate.equals(name);
            return named && (port.isEmpty() || port.getAsInt() == targetPort);
        }
    }

    /** Every address the target resolved to lies in {@code range}. */
    record Addresses(AddressRange range, OptionalInt port) implements OutboundRule {
        public Addresses {
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(port, "port");
        }

        @Override
        public boolean admits(String host, int targetPort, List<InetAddress> addresses) {
            return !addresses.isEmpty() && addresses.stream().allMatch(range::contains)
                    && (port.isEmpty() || port.getAsInt() == targetPort);
        }
    }

    /** A DNS name ends in an implicit dot; {@code Example.COM.} and {@code example.com} are one host. */
    private static String normalised(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
