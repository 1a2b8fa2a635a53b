package dev.hpo.shared.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where webhooks may go besides the public internet ({@code hpo.webhook.allowed-hosts}, comma-separated): host
 * names (matched exactly, case-insensitive, before resolving) and CIDR ranges or single addresses
 * ({@code 10.1.0.0/16}, {@code 192.168.1.20}, {@code fd00::/8}) that would otherwise be refused as loopback,
 * link-local, private, multicast or unspecified.
 */
@ConfigurationProperties("hpo.webhook")
public record WebhookTargetSettings(List<String> allowedHosts) {

    public WebhookTargetSettings {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
    }
}
