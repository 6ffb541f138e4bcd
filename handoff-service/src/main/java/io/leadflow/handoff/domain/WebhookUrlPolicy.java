package io.leadflow.handoff.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may be sent: https URLs whose host resolves only to public addresses (see
 * {@link AddressScope}), or any http or https URL whose host is on the operator's allow-list (an
 * in-cluster receiver, a test server). Every address a name resolves to must be public, since the
 * HTTP client may connect to any of them.
 */
public final class WebhookUrlPolicy {

    /** Looks a host name up (or parses an address literal); blocks on DNS. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    /** {@code allowedHosts}: names or address literals, matched without regard to case. */
    public WebhookUrlPolicy(Collection<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(String::trim).filter(host -> !host.isEmpty())
                .map(WebhookUrlPolicy::normalized).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /**
     * Why no webhook may be sent to {@code url}, or empty when one may. Resolves the host (unless
     * it is allowed) and so blocks.
     *
     * @throws UnknownHostException when the host does not resolve
     */
    public Optional<String> refusal(URI url) throws UnknownHostException {
        if (url.getHost() == null) {
            return Optional.of("has no host");
        }
        String host = normalized(url.getHost());
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return Optional.of("must be https (http only to an allow-listed host)");
        }
        for (InetAddress address : resolver.resolve(host)) {
            AddressScope scope = AddressScope.of(address);
            if (!scope.isPublic()) {
                return Optional.of("is not allowed: " + host + " resolves to " + address.getHostAddress() + ", a " + scope.description()
                        + " address (only public addresses, or allow-listed hosts, receive webhooks)");
            }
        }
        return Optional.empty();
    }

    /** Lower case, without an IPv6 literal's brackets or a fully qualified name's final dot. */
    private static String normalized(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        return bare.toLowerCase(Locale.ROOT);
    }
}
