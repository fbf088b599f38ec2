package org.newsdesk.query.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is looking at a page, as the templates need it: the display name, which controls to show, and the
 * CSRF token for the page's forms. Showing a control is a courtesy; the resource method still checks the
 * role, so hiding must never be the only protection.
 */
@RequestScoped
@Named("webUser")
public class WebUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfTokens csrfTokens;

    private String csrf;

    public String name() {
        if (identity.isAnonymous()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null && !preferred.isBlank()) {
                return preferred;
            }
        }
        return identity.getPrincipal().getName();
    }

    public boolean editor() {
        return identity.hasRole("editor");
    }

    public boolean admin() {
        return identity.hasRole("admin");
    }

    public String csrf() {
        if (csrf == null) {
            csrf = csrfTokens.tokenFor(identity);
        }
        return csrf;
    }
}
