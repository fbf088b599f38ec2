package org.newsdesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real access tokens from Keycloak for the demo users (password grant on the public {@code newsdesk-cli}
 * client). Tokens are cached until shortly before they expire.
 */
public final class KeycloakTokens {

    public static final String CLI_CLIENT = "newsdesk-cli";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;
    private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

    public KeycloakTokens(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** The test stack's tokens. */
    public static KeycloakTokens forTests() {
        return new KeycloakTokens(StackSettings.forProfile("test").realmUrl());
    }

    /** A token for a demo user, whose password equals the user name. */
    public String accessToken(String user) {
        return accessToken(user, user);
    }

    /**
     * Synchronised: concurrent password grants for one user made Keycloak answer "invalid_grant" to one of them
     * (seen when the benchmark's clients all asked for their first token at once), and one grant serves them all.
     */
    public synchronized String accessToken(String user, String password) {
        CachedToken cached = cache.get(user);
        if (cached != null && cached.expiresAtNanos() > System.nanoTime()) {
            return cached.token();
        }
        String form = "grant_type=password&client_id=" + CLI_CLIENT
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for '" + user + "' (" + response.statusCode() + "): "
                        + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            String token = body.get("access_token").asText();
            long lifetime = body.path("expires_in").asLong(60);
            cache.put(user, new CachedToken(token, System.nanoTime() + Duration.ofSeconds(Math.max(5, lifetime - 30)).toNanos()));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + realmUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record CachedToken(String token, long expiresAtNanos) {
    }
}
