package dev.llmworkbench.rest.outbound;

import dev.llmworkbench.application.outbound.port.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The JVM's resolver (the system's DNS, {@code /etc/hosts}, and its cache), every address of a name. */
public final class DnsHostResolver implements HostResolver {
    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException unresolved) {
            return List.of();
        }
    }
}
