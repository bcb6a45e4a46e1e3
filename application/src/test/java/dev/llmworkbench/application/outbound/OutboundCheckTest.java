package dev.llmworkbench.application.outbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmworkbench.domain.InvalidRequestException;
import dev.llmworkbench.domain.outbound.AddressRange;
import dev.llmworkbench.domain.outbound.OutboundPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundCheckTest {
    /** A DNS of our own: names that point where a test needs them to. */
    private static final Map<String, List<InetAddress>> DNS = Map.of(
            "localhost", List.of(AddressRange.literal("127.0.0.1")),
            "metadata.rebound.test", List.of(AddressRange.literal("169.254.169.254")),
            "api.example.com", List.of(AddressRange.literal("93.184.216.34")));
    private final List<String> asked = new ArrayList<>();

    private OutboundCheck check(OutboundPolicy policy) {
        return new OutboundCheck(policy, host -> {
            asked.add(host);
            return AddressRange.isLiteral(host) ? List.of(AddressRange.literal(host)) : DNS.getOrDefault(host, List.of());
        });
    }

    @Test
    void aCallersLoopbackTargetPassesTheDefaultList() {
        OutboundCheck check = check(OutboundPolicy.defaults(List.of()));
        assertDoesNotThrow(() -> check.callerTarget(URI.create("http://localhost:8000/v1"), "host"));
        assertDoesNotThrow(() -> check.callerTarget(URI.create("http://[::1]:8000/v1"), "host"));
    }

    @Test
    void aCallersTargetOutsideTheListIsRefusedNamingTheFieldAndTheKeyButNotThePath() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> check(OutboundPolicy.defaults(List.of()))
                .callerTarget(URI.create("https://api.example.com/v1?key=sk-secret"), "host"));
        assertEquals("host", refused.param());
        assertEquals("host 'api.example.com:443' is not in workbench.outbound.allow.", refused.getMessage());
    }

    @Test
    void aNameThatResolvesToTheMetadataAddressIsRefusedThoughTheListAdmitsEverything() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> check(OutboundPolicy.parse("0.0.0.0/0,::/0,*.test")).callerTarget(URI.create("http://metadata.rebound.test/v1"), "host"));
        assertEquals("host", refused.param());
        assertTrue(refused.getMessage().contains("metadata"), refused.getMessage());
    }

    @Test
    void aCallersUnresolvableTargetIsRefusedSayingSo() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> check(OutboundPolicy.parse("10.0.0.0/8")).callerTarget(URI.create("http://nowhere.invalid/v1"), "host"));
        assertTrue(refused.getMessage().contains("could not be resolved"), refused.getMessage());
    }

    @Test
    void aConfiguredHostAdmittedByNameIsNotLookedUpAndOneOutsideTheListNamesItsKey() {
        OutboundCheck check = check(OutboundPolicy.defaults(List.of("upstream.invalid")));
        assertDoesNotThrow(() -> check.configuredTarget(URI.create("http://upstream.invalid/v1"), "workbench.upstream.a.url"));
        assertEquals(List.of(), asked);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> check.configuredTarget(URI.create("https://api.example.com/v1"), "workbench.upstream.b.url"));
        assertEquals("workbench.upstream.b.url 'api.example.com:443' is not in workbench.outbound.allow.", refused.getMessage());
    }
}
