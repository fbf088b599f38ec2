package org.newsdesk.query.web;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Refuses (403) every state-changing request to a page resource of this package that does not carry the
 * session's CSRF token in the form field {@value CsrfTokens#FIELD} or the header {@value CsrfTokens#HEADER}.
 * It applies to the whole package, so a new page form cannot forget it; it never touches {@code /api}
 * resources (bearer tokens are not sent by browsers on their own, so they need no CSRF token).
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String WEB_PACKAGE = CsrfFilter.class.getPackageName();

    @Inject
    CsrfTokens tokens;

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> verify(ResteasyReactiveContainerRequestContext request, SimpleResourceInfo resource) {
        if (SAFE_METHODS.contains(request.getMethod()) || resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().getPackageName().equals(WEB_PACKAGE)) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(CsrfTokens.HEADER);
        if (presented == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.FIELD, true, false);
            presented = field instanceof String value ? value : null;
        }
        if (tokens.matches(identity, presented)) {
            return Optional.empty();
        }
        Log.warnf("refused %s %s without a valid CSRF token (user %s)", request.getMethod(),
                request.getUriInfo().getPath(), identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName());
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("This form has expired or did not come from Newsdesk. Go back, reload the page and try again.")
                .build());
    }
}
