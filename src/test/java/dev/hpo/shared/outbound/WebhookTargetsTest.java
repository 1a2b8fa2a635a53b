package dev.hpo.shared.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which webhook URLs are refused, decided on addresses only: nothing here opens a connection. */
class WebhookTargetsTest {

    /** Literal addresses as the JDK parses them (no lookup), plus a few names. */
    private static final HostResolver NAMES = host -> {
        Map<String, String> names = Map.of("hooks.example.com", "203.0.113.7", "metadata.internal", "169.254.169.254",
                "localhost", "127.0.0.1");
        if (names.containsKey(host)) {
            return new InetAddress[] {InetAddress.getByName(names.get(host))};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    };

    private static WebhookTargets targets(boolean development, String... allowed) {
        return new WebhookTargets(NAMES, new WebhookTargetSettings(List.of(allowed)), development);
    }

    @Test
    void loopbackLinkLocalPrivateMulticastAndUnspecifiedAddressesAreRefused() {
        WebhookTargets targets = targets(false);
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/hook", "http://172.16.0.1/", "http://192.168.1.1/", "http://224.0.0.1/",
                "http://0.0.0.0/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/",
                "http://[fe80::1]/", "http://100.64.0.1/", "http://255.255.255.255/", "http://localhost/",
                "http://metadata.internal/")) {
            assertThatThrownBy(() -> targets.check(url)).as(url).isInstanceOf(RefusedTargetException.class)
                    .hasMessageContaining("hpo.webhook.allowed-hosts");
        }
    }

    @Test
    void onlyHttpAndHttpsWithAHostThatResolvesAreCalled() {
        WebhookTargets targets = targets(false);
        for (String url : List.of("ftp://203.0.113.7/x", "file:///etc/passwd", "gopher://203.0.113.7/",
                "http:///nohost", "http://user:secret@203.0.113.7/", "http://nowhere.invalid/", "not a url")) {
            assertThatThrownBy(() -> targets.check(url)).as(url).isInstanceOf(RefusedTargetException.class);
        }
    }

    @Test
    void aPublicAddressIsCalledAtTheAddressItResolvedTo() throws Exception {
        WebhookTarget target = targets(false).check("https://hooks.example.com/a/b?c=d");
        assertThat(target.address().getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.https()).isTrue();
        assertThat(target.pathAndQuery()).isEqualTo("/a/b?c=d");
        assertThat(targets(false).check("http://203.0.113.7:9000").pathAndQuery()).isEqualTo("/");
    }

    @Test
    void theOperatorAllowListOpensNamesAndRanges() throws Exception {
        WebhookTargets targets = targets(false, "10.0.0.0/8", "metadata.internal", "fd00::/8", "192.168.1.20");
        assertThat(targets.check("http://10.20.30.40/hook").address().getHostAddress()).isEqualTo("10.20.30.40");
        assertThat(targets.check("http://metadata.internal/").port()).isEqualTo(80);
        assertThat(targets.check("http://[fd00::5]/").https()).isFalse();
        assertThat(targets.check("http://192.168.1.20/").port()).isEqualTo(80);
        assertThatThrownBy(() -> targets.check("http://192.168.1.21/")).isInstanceOf(RefusedTargetException.class);
        assertThatThrownBy(() -> targets.check("http://127.0.0.1/")).isInstanceOf(RefusedTargetException.class);
    }

    @Test
    void theDevelopmentModeAllowsLoopbackOnly() throws Exception {
        WebhookTargets development = targets(true);
        assertThat(development.check("http://127.0.0.1:9000/hook").port()).isEqualTo(9000);
        assertThat(development.check("http://localhost/hook").address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> development.check("http://169.254.169.254/")).isInstanceOf(RefusedTargetException.class);
        assertThatThrownBy(() -> development.check("http://10.0.0.1/")).isInstanceOf(RefusedTargetException.class);
    }

    @Test
    void aBadAllowListEntryStopsTheStart() {
        assertThatThrownBy(() -> targets(false, "10.0.0.0/40")).isInstanceOf(IllegalArgumentException.class);
    }
}
