package dev.llmworkbench.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host names this machine's loopback, for the secrets the server honours or sends only to itself. */
public final class Loopback {
    private Loopback() {
    }

    /**
     * {@code localhost}, or a literal loopback address (IPv6 in brackets or not). A name other than localhost is
     * never resolved, so DNS cannot make a host look local.
     */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(name)) {
            return true;
        }
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
