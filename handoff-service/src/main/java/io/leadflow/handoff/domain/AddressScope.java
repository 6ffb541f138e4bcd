package io.leadflow.handoff.domain;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which network an IP address belongs to, as far as sending webhooks there goes: only public
 * addresses may receive them, so that a subscription cannot make this service call its own
 * infrastructure (loopback, the pod network, a cloud's metadata endpoint at 169.254.169.254).
 * IPv6 addresses that carry an IPv4 one (mapped {@code ::ffff:0:0/96}, compatible {@code ::/96},
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address they reach.
 */
public enum AddressScope {
    PUBLIC,
    LOOPBACK,
    /** 169.254.0.0/16 (cloud metadata endpoints) and fe80::/10. */
    LINK_LOCAL,
    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT, used by some clouds' metadata), fc00::/7, fec0::/10. */
    PRIVATE,
    /** 0.0.0.0/8 and ::, which reach the host itself. */
    UNSPECIFIED,
    MULTICAST,
    /** 240/4 (with the broadcast address), 192.0.0.0/24 (one cloud's metadata), 198.18/15 (benchmarking). */
    RESERVED;

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] COMPATIBLE_PREFIX = new byte[12];
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    public static AddressScope of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }

    /** As said in an error message: "link-local". */
    public String description() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static AddressScope ipv4(byte[] address) {
        int first = address[0] & 0xff;
        int second = address[1] & 0xff;
        if (first == 0) {
            return UNSPECIFIED;
        }
        if (first == 127) {
            return LOOPBACK;
        }
        if (first == 169 && second == 254) {
            return LINK_LOCAL;
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168 || first == 100 && (second & 0xc0) == 64) {
            return PRIVATE;
        }
        if (first >= 224 && first <= 239) {
            return MULTICAST;
        }
        if (first >= 240 || first == 192 && second == 0 && address[2] == 0 || first == 198 && (second & 0xfe) == 18) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressScope ipv6(byte[] address) {
        byte[] prefix = Arrays.copyOf(address, 12);
        byte[] last4 = Arrays.copyOfRange(address, 12, 16);
        if (Arrays.equals(prefix, COMPATIBLE_PREFIX)) {
            // :: and ::1 are IPv6's own; any other ::a.b.c.d is an (obsolete) IPv4-compatible address
            return last4[3] == 1 && last4[0] == 0 && last4[1] == 0 && last4[2] == 0 ? LOOPBACK : ipv4(last4);
        }
        if (Arrays.equals(prefix, MAPPED_PREFIX) || Arrays.equals(prefix, NAT64_PREFIX)) {
            return ipv4(last4);
        }
        int first = address[0] & 0xff;
        int second = address[1] & 0xff;
        if (first == 0x20 && second == 0x02) {
            return ipv4(Arrays.copyOfRange(address, 2, 6));
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if ((first & 0xfe) == 0xfc || first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE;
        }
        return PUBLIC;
    }
}
