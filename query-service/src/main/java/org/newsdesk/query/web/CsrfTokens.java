package org.newsdesk.query.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The CSRF token of a signed-in browser session: an HMAC of the user and the Keycloak session, so a token
 * works only for the session it was rendered for and needs no server-side store. It must never be derived
 * from anything a cross-site page could read or choose.
 */
@ApplicationScoped
public class CsrfTokens {

    /** The hidden form field (and, for scripts, the request header) that carries the token. */
    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    CsrfTokens(@ConfigProperty(name = "newsdesk.web.csrf-secret") Optional<String> secret) {
        byte[] bytes;
        if (secret.isPresent() && secret.get().length() >= 32) {
            bytes = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            if (secret.isPresent()) {
                Log.warn("newsdesk.web.csrf-secret is shorter than 32 characters: using a random key instead");
            }
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The token for this identity, or null for an anonymous caller (who cannot post a page form). */
    public String tokenFor(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        return hmac("newsdesk-web-csrf\n" + identity.getPrincipal().getName() + "\n" + sessionOf(identity));
    }

    /** Whether {@code presented} is this identity's token; compared in constant time. */
    public boolean matches(SecurityIdentity identity, String presented) {
        String expected = tokenFor(identity);
        return expected != null && presented != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Keycloak's session id ({@code sid}), else the login time: both change with every new login. */
    private static String sessionOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object sid = jwt.getClaim("sid");
            if (sid != null) {
                return sid.toString();
            }
            Object authTime = jwt.getClaim("auth_time");
            if (authTime != null) {
                return authTime.toString();
            }
            return String.valueOf(jwt.getIssuedAtTime());
        }
        return "";
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
