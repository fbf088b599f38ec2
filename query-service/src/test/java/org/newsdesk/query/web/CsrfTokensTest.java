package org.newsdesk.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;

class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens(Optional.of("a-test-secret-of-at-least-32-characters"));

    private static SecurityIdentity user(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRoles(Set.of("reader")).build();
    }

    @Test
    void aUsersTokenMatchesOnlyThatUser() {
        String readerToken = tokens.tokenFor(user("reader"));
        assertThat(tokens.matches(user("reader"), readerToken)).isTrue();
        assertThat(tokens.matches(user("admin"), readerToken)).isFalse();
    }

    @Test
    void missingOrAlteredTokensAndAnonymousCallersAreRefused() {
        String token = tokens.tokenFor(user("editor"));
        assertThat(tokens.matches(user("editor"), null)).isFalse();
        assertThat(tokens.matches(user("editor"), token.substring(1))).isFalse();
        assertThat(tokens.matches(QuarkusSecurityIdentity.builder().setAnonymous(true).build(), token)).isFalse();
    }

    @Test
    void anotherKeyGivesOtherTokens() {
        CsrfTokens other = new CsrfTokens(Optional.of("another-secret-of-at-least-32-characters"));
        assertThat(other.tokenFor(user("reader"))).isNotEqualTo(tokens.tokenFor(user("reader")));
    }
}
