package dev.hpo.shared.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.hpo.shared.DevelopmentMode;

/**
 * Decides whether the service may call a webhook URL, against the addresses its host resolves to now: only
 * {@code http}/{@code https}, and no loopback, link-local (cloud metadata at 169.254.169.254), private, shared
 * (100.64/10), multicast, broadcast, reserved or unspecified address unless {@code hpo.webhook.allowed-hosts}
 * names the host or a range holding the address; the development mode also allows loopback. Every address of the
 * name must be allowed; the caller connects to the one returned.
 */
@Component
public class WebhookTargets {

    private final HostResolver resolver;
    private final List<String> allowedNames = new ArrayList<>();
    private final List<AddressRange> allowedRanges = new ArrayList<>();
    private final boolean loopbackAllowed;

    @Autowired
    WebhookTargets(HostResolver resolver, WebhookTargetSettings settings, Environment environment) {
        this(resolver, settings, DevelopmentMode.isOn(environment));
    }

    /** For tests: the rules without a Spring environment. */
    public WebhookTargets(HostResolver resolver, WebhookTargetSettings settings, boolean loopbackAllowed) {
        this.resolver = resolver;
        this.loopbackAllowed = loopbackAllowed;
        for (String entry : settings.allowedHosts()) {
            AddressRange range = AddressRange.parse(entry);
            if (range != null) {
                allowedRanges.add(range);
            } else {
                allowedNames.add(entry.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The URL with the address to connect to, or why it is refused. */
    public WebhookTarget check(String url) throws RefusedTargetException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedTargetException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTargetException("only http and https URLs are called");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedTargetException("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTargetException("must not carry credentials in the URL");
        }
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException | SecurityException e) {
            throw new RefusedTargetException("its host " + bareHost + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new RefusedTargetException("its host " + bareHost + " does not resolve");
        }
        boolean nameAllowed = allowedNames.contains(bareHost.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            String refusal = nameAllowed ? null : refusal(address);
            if (refusal != null) {
                throw new RefusedTargetException("its host " + bareHost + " resolves to " + address.getHostAddress()
                        + ", " + refusal + " (allow it with hpo.webhook.allowed-hosts)");
            }
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        return new WebhookTarget(uri, bareHost, addresses[0], port, https);
    }

    /** Why this address is refused, or null when it may be called. */
    private String refusal(InetAddress address) {
        for (AddressRange range : allowedRanges) {
            if (range.contains(address)) {
                return null;
            }
        }
        InetAddress effective = embeddedIpv4(address);
        if (effective.isLoopbackAddress()) {
            return loopbackAllowed ? null : "a loopback address";
        }
        if (effective.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (effective.isLinkLocalAddress()) {
            return "a link-local address (such as cloud metadata)";
        }
        if (effective.isSiteLocalAddress()) {
            return "a private address";
        }
        if (effective.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = effective.getAddress();
        if (effective instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "a reserved or broadcast address";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a shared (carrier-grade NAT) address";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking address";
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return "a private (unique local) address";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 address, else the address itself. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
