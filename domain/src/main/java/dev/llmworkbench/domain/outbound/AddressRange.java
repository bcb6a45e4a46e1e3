package dev.llmworkbench.domain.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A block of IP addresses written as CIDR ({@code 10.0.0.0/8}, {@code fe80::/10}) or a single address. Only
 * address literals are read, so making one never asks DNS.
 */
public record AddressRange(InetAddress network, int prefixBits) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixBits < 0 || prefixBits > bits) {
            throw new IllegalArgumentException("a prefix of " + network.getHostAddress() + " is 0 to " + bits + " bits, got " + prefixBits);
        }
    }

    /** {@code address} or {@code address/bits}; an address alone is the range of that one address. */
    public static AddressRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        InetAddress network = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        int all = network.getAddress().length * 8;
        if (slash < 0) {
            return new AddressRange(network, all);
        }
        String bits = trimmed.substring(slash + 1);
        if (!bits.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("not a CIDR prefix length: " + text);
        }
        return new AddressRange(network, Integer.parseInt(bits));
    }

    /** Whether {@code text} is an IPv4 or IPv6 address literal (without brackets). */
    public static boolean isLiteral(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
    }

    /** The address {@code text} spells; never a DNS lookup. */
    public static InetAddress literal(String text) {
        if (!isLiteral(text)) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException malformed) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = network.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        int whole = prefixBits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[whole] & mask) == (prefix[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixBits;
    }
}
