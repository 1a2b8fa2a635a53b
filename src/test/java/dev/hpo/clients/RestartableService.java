package dev.hpo.clients;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;

/**
 * The whole service on a fixed port and a fresh database, which a client under test can restart: a small control
 * server on 127.0.0.1 answers {@code POST /restart} by closing the service and starting it again on the same port
 * and database (so a worker keeps its URL), then {@code 200} once the new one listens.
 */
final class RestartableService implements AutoCloseable {

    private final TestDatabase.Target database;
    private final List<String> properties;
    private final HttpServer control;
    final int port;
    private volatile TestApp app;
    private volatile int restarts;

    RestartableService(String... properties) throws IOException {
        this.database = TestDatabase.newDatabase();
        this.port = freePort();
        this.properties = new ArrayList<>(List.of(properties));
        this.properties.add("server.port=" + port);
        this.app = TestApp.start(database, this.properties.toArray(String[]::new));
        this.control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/restart", exchange -> {
            String answer;
            int status;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                answer = "POST only";
            } else {
                try {
                    restart();
                    status = 200;
                    answer = "restarted " + restarts;
                } catch (RuntimeException e) {
                    status = 500;
                    answer = "restart failed: " + e;
                }
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        control.start();
    }

    /** The base URL of the control server. */
    String controlUrl() {
        return "http://127.0.0.1:" + control.getAddress().getPort();
    }

    /** How often the service was restarted. */
    int restarts() {
        return restarts;
    }

    synchronized void restart() {
        app.close();
        app = TestApp.start(database, properties.toArray(String[]::new));
        restarts++;
    }

    @Override
    public void close() {
        control.stop(0);
        app.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
