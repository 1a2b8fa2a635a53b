package dev.hpo.shared.web;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.hpo.shared.DevelopmentMode;

/**
 * In the zero-set-up development mode the server listens on 127.0.0.1 only, unless {@code server.address} is
 * configured (e.g. {@code 0.0.0.0} to let workers on other machines in): the development mode runs commands on
 * this host, and nobody else on the network should reach it by accident. With a configured database the
 * server listens where {@code server.address} says (all interfaces when unset), as any server does.
 */
@Component
class LoopbackInDevelopment implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(LoopbackInDevelopment.class);

    private final Environment environment;

    LoopbackInDevelopment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String configured = environment.getProperty("server.address");
        if ((configured == null || configured.isBlank()) && DevelopmentMode.isOn(environment)) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            log.info("Development mode: listening on 127.0.0.1 only (set server.address, e.g. 0.0.0.0, to open it)");
        }
    }
}
