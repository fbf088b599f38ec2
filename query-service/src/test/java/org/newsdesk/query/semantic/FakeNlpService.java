package org.newsdesk.query.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A test double of nlp-service's remote HTTP API, {@code POST /api/v1/embed}, on a free port of 127.0.0.1: it answers
 * {@link FakeEmbeddings} vectors and refuses calls without a bearer token (401), as nlp-service does. Postgres, Kafka
 * and Keycloak stay real. Tests steer it over HTTP (the test and this resource may live in different class loaders):
 * <ul>
 *   <li>{@code GET /_last-authorization}: the Authorization header of the last embed call (token forwarding)</li>
 *   <li>{@code POST /_fail}: the embed calls answer 500 until {@code POST /_heal}</li>
 *   <li>{@code POST /_close?millis=N}: the port is closed (connection refused) for N ms, then opened again</li>
 * </ul>
 * Applied to every {@code @QuarkusTest} of the module (one application start), through {@code quarkus.rest-client.nlp.url}.
 */
public class FakeNlpService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile HttpServer server;
    private volatile int port;
    private volatile String lastAuthorization = "";
    private volatile boolean failing;

    @Override
    public Map<String, String> start() {
        try {
            open(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake nlp-service", e);
        }
        return Map.of("quarkus.rest-client.nlp.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
        }
    }

    private synchronized void open(int wanted) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        s.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-nlp-service");
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/api/v1/embed", this::embed);
        s.createContext("/_last-authorization", exchange -> answer(exchange, 200, "text/plain", lastAuthorization));
        s.createContext("/_fail", exchange -> {
            failing = true;
            answer(exchange, 204, null, "");
        });
        s.createContext("/_heal", exchange -> {
            failing = false;
            answer(exchange, 204, null, "");
        });
        s.createContext("/_close", this::close);
        s.start();
        server = s;
        port = s.getAddress().getPort();
    }

    private void close(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        long millis = query != null && query.startsWith("millis=") ? Long.parseLong(query.substring(7)) : 3000;
        answer(exchange, 204, null, "");
        HttpServer closing = server;
        int samePort = port;
        Thread.ofPlatform().daemon().start(() -> {
            closing.stop(0);
            try {
                Thread.sleep(millis);
                open(samePort);
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException("the fake nlp-service could not reopen port " + samePort, e);
            }
        });
    }

    private void embed(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "application/problem+json", "{\"status\":405}");
                return;
            }
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                answer(exchange, 401, null, "");
                return;
            }
            lastAuthorization = authorization;
            if (failing) {
                answer(exchange, 500, "application/problem+json", "{\"status\":500,\"title\":\"fake failure\"}");
                return;
            }
            JsonNode request = JSON.readTree(body);
            String text = request.path("text").asText("");
            if (text.isBlank()) {
                answer(exchange, 400, "application/problem+json", "{\"status\":400,\"detail\":\"text must not be empty\"}");
                return;
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("model", "fake-hashed-words");
            response.put("dimension", FakeEmbeddings.DIMENSION);
            var vector = response.putArray("vector");
            for (float f : FakeEmbeddings.vector(text)) {
                vector.add(f);
            }
            answer(exchange, 200, "application/json", JSON.writeValueAsString(response));
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
