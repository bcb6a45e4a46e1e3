package dev.llmworkbench.domain.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which hosts the server may call: {@code workbench.outbound.allow} read as rules. A target given by a caller (a load
 * test's {@code host}) may in addition never reach a link-local or cloud metadata address, whatever the rules admit,
 * since those answer with the machine's own credentials.
 */
public record OutboundPolicy(List<OutboundRule> rules) {
    /** Loopback: this server and whatever else listens on the machine, the targets of a workbench left as installed. */
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1", "localhost");
    /** IPv4 and IPv6 link-local (which holds 169.254.169.254, the metadata address of AWS, GCP and Azure) and AWS's IPv6 one. */
    public static final List<AddressRange> NEVER_FOR_CALLERS = List.of(AddressRange.parse("169.254.0.0/16"),
            AddressRange.parse("fe80::/10"), AddressRange.parse("fd00:ec2::254"));

    /** How a target fared. */
    public enum Verdict {
        ALLOWED, NOT_ALLOWED, METADATA
    }

    public OutboundPolicy {
        rules = List.copyOf(rules);
    }

    /** The list as configured: comma-separated host names, {@code *.domain}, addresses or CIDRs, each optionally {@code :port}. */
    public static OutboundPolicy parse(String list) {
        List<OutboundRule> rules = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                rules.add(rule(entry.strip()));
            }
        }
        return new OutboundPolicy(rules);
    }

    /** Without a configured list: loopback and the hosts the configuration itself names (routes, webhooks). */
    public static OutboundPolicy defaults(Collection<String> configuredHosts) {
        List<String> entries = new ArrayList<>(LOOPBACK);
        entries.addAll(configuredHosts);
        return parse(String.join(",", entries));
    }

    /**
     * @param host        the target's host as written (a name or an address literal)
     * @param addresses   every address it resolved to; empty when it did not resolve
     * @param callerGiven whether a caller chose it, which also refuses {@link #NEVER_FOR_CALLERS}
     */
    public Verdict judge(String host, int port, List<InetAddress> addresses, boolean callerGiven) {
        if (callerGiven && addresses.stream().anyMatch(a -> NEVER_FOR_CALLERS.stream().anyMatch(r -> r.contains(a)))) {
            return Verdict.METADATA;
        }
        return rules.stream().anyMatch(rule -> rule.admits(host, port, addresses)) ? Verdict.ALLOWED : Verdict.NOT_ALLOWED;
    }

    private static OutboundRule rule(String entry) {
        String target = entry;
        OptionalInt port = OptionalInt.empty();
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("workbench.outbound.allow: unclosed [ in " + entry);
            }
            target = entry.substring(1, close);
            port = port(entry.substring(close + 1), entry);
        } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') > 0) {
            // one colon: host:port; more than one is an IPv6 address without a port
            target = entry.substring(0, entry.indexOf(':'));
            port = port(entry.substring(entry.indexOf(':')), entry);
        }
        if (target.contains("/") || AddressRange.isLiteral(target)) {
            return new OutboundRule.Addresses(AddressRange.parse(target), port);
        }
        return new OutboundRule.Host(target, port);
    }

    private static OptionalInt port(String suffix, String entry) {
        if (suffix.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!suffix.matches(":\\d{1,5}") || Integer.parseInt(suffix.substring(1)) > 65535) {
            throw new IllegalArgumentException("workbench.outbound.allow: not a port in " + entry);
        }
        return OptionalInt.of(Integer.parseInt(suffix.substring(1)));
    }
}
