package dev.hpo.backend.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The service's own base URL for {@code HPO_API_URL}: {@code hpo.backend.process.api-url} when set, else the
 * running server's port ({@code local.server.port}, known once the server is up, so it is read at each launch) on
 * the loopback address (or on {@code server.address} when it names one host), plus the servlet context path.
 */
@Component
class ServiceBaseUrl implements Supplier<String> {

    private final ProcessBackendSettings settings;
    private final Environment environment;

    ServiceBaseUrl(ProcessBackendSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** The URL, or null while no server runs (then scripts get no {@code HPO_API_URL}). */
    @Override
    public String get() {
        String configured = settings.apiUrl();
        if (configured != null && !configured.isBlank()) {
            return stripSlash(configured.strip());
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return null;
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return "http://" + host() + ":" + port + stripSlash(contextPath);
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
