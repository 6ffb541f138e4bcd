package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Not a @QuarkusTest: address literals only, no DNS. */
class AddressScopeTest {

    @ParameterizedTest
    @CsvSource({
            "93.184.216.34, PUBLIC",
            "8.8.8.8, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.128.0.1, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.0.9, LOOPBACK",
            "169.254.169.254, LINK_LOCAL",
            "10.1.2.3, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "100.100.100.200, PRIVATE",
            "0.0.0.0, UNSPECIFIED",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "255.255.255.255, RESERVED",
            "192.0.0.192, RESERVED",
            "198.18.0.1, RESERVED"})
    void ipv4(String address, AddressScope scope) throws UnknownHostException {
        assertThat(AddressScope.of(InetAddress.getByName(address))).isEqualTo(scope);
    }

    @ParameterizedTest
    @CsvSource({
            "2606:2800:220:1:248:1893:25c8:1946, PUBLIC",
            "::1, LOOPBACK",
            "::, UNSPECIFIED",
            "fe80::1, LINK_LOCAL",
            "fc00::1, PRIVATE",
            "fd00:ec2::254, PRIVATE",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b::5db8:d822, PUBLIC",
            "2002:7f00:1::, LOOPBACK",
            "::7f00:1, LOOPBACK"})
    void ipv6(String address, AddressScope scope) throws UnknownHostException {
        assertThat(AddressScope.of(InetAddress.getByName(address))).isEqualTo(scope);
    }

    @Test
    void anIpv4MappedIpv6AddressIsJudgedByItsIpv4Address() throws UnknownHostException {
        // Java turns a mapped literal into an Inet4Address; built from bytes it stays an Inet6Address
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressScope.of(address)).isEqualTo(AddressScope.LINK_LOCAL);
        assertThat(AddressScope.of(InetAddress.getByName("::ffff:10.0.0.1"))).isEqualTo(AddressScope.PRIVATE);
        assertThat(AddressScope.of(InetAddress.getByName("::ffff:8.8.8.8"))).isEqualTo(AddressScope.PUBLIC);
    }

    @Test
    void onlyPublicIsPublicAndScopesReadAsWords() {
        assertThat(AddressScope.PUBLIC.isPublic()).isTrue();
        assertThat(AddressScope.PRIVATE.isPublic()).isFalse();
        assertThat(AddressScope.LINK_LOCAL.description()).isEqualTo("link-local");
    }
}
