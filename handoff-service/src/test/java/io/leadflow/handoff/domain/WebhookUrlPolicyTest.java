package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: names resolve through a map here, as a DNS server would answer them. */
class WebhookUrlPolicyTest {

    private final List<String> lookedUp = new ArrayList<>();
    private final Map<String, List<String>> dns = Map.of(
            "crm.example.com", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
            "rebound.example.com", List.of("93.184.216.34", "10.0.0.7"),
            "metadata.example.com", List.of("169.254.169.254"),
            "internal.example.com", List.of("::ffff:192.168.0.10"),
            "bridge.sales.svc", List.of("10.96.0.12"));
    private final WebhookUrlPolicy policy = new WebhookUrlPolicy(List.of(" Bridge.Sales.SVC ", "127.0.0.1", ""), this::resolve);

    @Test
    void anHttpsUrlWhoseHostResolvesOnlyToPublicAddressesIsAllowed() throws UnknownHostException {
        assertThat(policy.refusal(URI.create("https://crm.example.com/leadflow"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://93.184.216.34:8443/hook"))).isEmpty();
    }

    @Test
    void aNameResolvingToANonPublicAddressIsRefusedNamingTheAddressAndItsScope() throws UnknownHostException {
        assertThat(policy.refusal(URI.create("https://metadata.example.com/latest"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("169.254.169.254").contains("link-local"));
        assertThat(policy.refusal(URI.create("https://internal.example.com/"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("192.168.0.10").contains("private"));
        // one non-public address among public ones is enough: the client may connect to any
        assertThat(policy.refusal(URI.create("https://rebound.example.com/"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("10.0.0.7"));
    }

    @Test
    void addressLiteralsAreJudgedTheSameWay() throws UnknownHostException {
        assertThat(policy.refusal(URI.create("https://[::1]/hook"))).hasValueSatisfying(reason -> assertThat(reason).contains("loopback"));
        assertThat(policy.refusal(URI.create("https://[::ffff:169.254.169.254]/"))).hasValueSatisfying(reason -> assertThat(reason).contains("link-local"));
        assertThat(policy.refusal(URI.create("https://0.0.0.0/"))).hasValueSatisfying(reason -> assertThat(reason).contains("unspecified"));
        assertThat(policy.refusal(URI.create("https://224.0.0.1/"))).hasValueSatisfying(reason -> assertThat(reason).contains("multicast"));
        assertThat(policy.refusal(URI.create("https://127.0.0.2/"))).hasValueSatisfying(reason -> assertThat(reason).contains("loopback"));
    }

    @Test
    void httpIsRefusedUnlessTheHostIsAllowListedWithoutLookingItUp() throws UnknownHostException {
        assertThat(policy.refusal(URI.create("http://crm.example.com/leadflow"))).hasValueSatisfying(reason -> assertThat(reason).contains("https"));
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void anAllowListedHostMayBePrivateOrHttpWhateverItsCaseOrFinalDot() throws UnknownHostException {
        assertThat(policy.refusal(URI.create("http://bridge.sales.svc./hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://BRIDGE.sales.svc/hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("http://127.0.0.1:8089/hook"))).isEmpty();
        assertThat(lookedUp).as("an allowed host is not looked up").isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveIsAnErrorForTheCallerToJudge() {
        assertThatThrownBy(() -> policy.refusal(URI.create("https://nowhere.example.com/"))).isInstanceOf(UnknownHostException.class);
    }

    private List<InetAddress> resolve(String host) throws UnknownHostException {
        lookedUp.add(host);
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return List.of(InetAddress.getByName(host));
        }
        List<String> addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            resolved.add(InetAddress.getByName(address));
        }
        return resolved;
    }
}
