package dev.llmworkbench.domain.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmworkbench.domain.outbound.OutboundPolicy.Verdict;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundPolicyTest {
    private static List<InetAddress> at(String... literals) {
        return java.util.Arrays.stream(literals).map(AddressRange::literal).toList();
    }

    @ParameterizedTest(name = "{0}:{1} at {2} -> {3}")
    @CsvSource({
            "localhost,      8000, 127.0.0.1,     ALLOWED",
            "127.0.0.1,      9080, 127.0.0.1,     ALLOWED",
            "127.255.255.254, 80,  127.255.255.254, ALLOWED",
            "::1,            9080, ::1,           ALLOWED",
            "rebound.test,   80,   127.0.0.7,     ALLOWED",
            "api.openai.com, 443,  162.159.140.245, NOT_ALLOWED",
            "10.0.0.1,       80,   10.0.0.1,      NOT_ALLOWED",
            "128.0.0.1,      80,   128.0.0.1,     NOT_ALLOWED",
            "::2,            80,   ::2,           NOT_ALLOWED"})
    void theDefaultListAdmitsLoopbackAndNothingElse(String host, int port, String address, Verdict verdict) {
        assertEquals(verdict, OutboundPolicy.defaults(List.of()).judge(host, port, at(address), true));
    }

    @Test
    void theDefaultListAdmitsTheHostsTheConfigurationNamesWithoutResolvingThem() {
        OutboundPolicy policy = OutboundPolicy.defaults(List.of("upstream.example.com"));
        assertEquals(Verdict.ALLOWED, policy.judge("UPSTREAM.example.com.", 443, List.of(), false));
        assertEquals(Verdict.NOT_ALLOWED, policy.judge("other.example.com", 443, List.of(), false));
    }

    // 169.254.0.0/16: RFC 3927; 169.254.169.254: the metadata service of AWS, GCP and Azure; fe80::/10: RFC 4291 section 2.5.6;
    // fd00:ec2::254: the IPv6 address of AWS's instance metadata service (AWS EC2 user guide, "Access instance metadata").
    @ParameterizedTest(name = "{0}")
    @CsvSource({"169.254.169.254", "169.254.0.1", "169.254.255.255", "fe80::1", "febf:ffff::1", "fd00:ec2::254", "::ffff:169.254.169.254"})
    void aCallersTargetAtALinkLocalOrMetadataAddressIsRefusedEvenWhenTheListAdmitsEverything(String address) {
        OutboundPolicy everything = OutboundPolicy.parse("0.0.0.0/0,::/0,metadata.google.internal");
        assertEquals(Verdict.METADATA, everything.judge("metadata.google.internal", 80, at(address), true));
        assertEquals(Verdict.ALLOWED, everything.judge("metadata.google.internal", 80, at(address), false));
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsForbidden() {
        OutboundPolicy everything = OutboundPolicy.parse("0.0.0.0/0");
        assertEquals(Verdict.METADATA, everything.judge("twofaced.test", 80, at("93.184.216.34", "169.254.169.254"), true));
    }

    @Test
    void aRangeAdmitsANameOnlyWhenEveryAddressItResolvedToLiesInIt() {
        OutboundPolicy policy = OutboundPolicy.parse("10.0.0.0/8");
        assertEquals(Verdict.ALLOWED, policy.judge("inside.test", 80, at("10.1.2.3", "10.200.0.1"), true));
        assertEquals(Verdict.NOT_ALLOWED, policy.judge("half.test", 80, at("10.1.2.3", "11.0.0.1"), true));
        assertEquals(Verdict.NOT_ALLOWED, policy.judge("unresolved.test", 80, List.of(), true));
    }

    @ParameterizedTest(name = "{0} admits {1}:{2}? {3}")
    @CsvSource({
            "api.openai.com:443,     api.openai.com,  443,  ALLOWED",
            "api.openai.com:443,     api.openai.com,  80,   NOT_ALLOWED",
            "*.openai.azure.com,     x.openai.azure.com, 443, ALLOWED",
            "*.openai.azure.com,     openai.azure.com, 443, NOT_ALLOWED",
            "*.openai.azure.com,     evilopenai.azure.com, 443, NOT_ALLOWED",
            "[::1]:8000,             ::1,             8000, ALLOWED",
            "[::1]:8000,             ::1,             8001, NOT_ALLOWED",
            "192.168.1.0/24:8000,    192.168.1.77,    8000, ALLOWED",
            "192.168.1.0/24:8000,    192.168.2.77,    8000, NOT_ALLOWED",
            "192.168.1.0/23,         192.168.0.9,     80,   ALLOWED",
            "fd00::/8,               fdff::1,         80,   ALLOWED"})
    void entriesAreHostsWildcardsAddressesOrCidrsEachOnAnyPortOrOne(String list, String host, int port, Verdict verdict) {
        List<InetAddress> addresses = AddressRange.isLiteral(host) ? at(host) : List.of();
        assertEquals(verdict, OutboundPolicy.parse(list).judge(host, port, addresses, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10.0.0.0/33", "10.0.0.0/x", "host:99999", "host:port", "[::1", "a*.example.com", "::1/129"})
    void aMalformedEntryIsRefusedWhenTheListIsRead(String entry) {
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.parse("localhost," + entry));
    }
}
