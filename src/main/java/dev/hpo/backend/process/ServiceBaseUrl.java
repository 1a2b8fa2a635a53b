package dev.hpo.backend.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The service's own base URL for {@code HPO_API_URL}: {@code hpo.backend.process.api-url} when set, else the
 * running server's port on the loopback address (or on {@code server.address} when it names one host), plus the
 * servlet context path. The port is known only once the server is up, hence a listener.
 */
@Component
class ServiceBaseUrl implements ApplicationListener<WebServerInitializedEvent>, Supplier<String> {

    private final ProcessBackendSettings settings;
    private final Environment environment;
    private volatile String discovered;

    ServiceBaseUrl(ProcessBackendSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // the management server on its own port is not the API
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        discovered = "http://" + host() + ":" + event.getWebServer().getPort() + stripSlash(contextPath);
    }

    /** The URL, or null before the server started (then scripts get no {@code HPO_API_URL}). */
    @Override
    public String get() {
        String configured = settings.apiUrl();
        return configured != null && !configured.isBlank() ? stripSlash(configured.strip()) : discovered;
    }

    private String host() {
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank()) {
            return "127.0.0.1";
        }
        try {
            InetAddress inet = InetAddress.getByName(address);
            if (inet.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            return inet.getHostAddress().contains(":") ? "[" + inet.getHostAddress() + "]" : inet.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
