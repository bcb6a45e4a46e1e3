package dev.llmworkbench.application.outbound.port;

import java.net.InetAddress;
import java.util.List;

/** Every address a host name stands for (an address literal stands for itself); empty when it does not resolve. */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host);
}
