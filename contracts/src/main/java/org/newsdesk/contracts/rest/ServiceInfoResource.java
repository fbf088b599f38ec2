package org.newsdesk.contracts.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /api/v1/info} in every service: which service and version answered, and who the caller is with which
 * realm roles. The first call to make when a token or a deployment misbehaves. Shared here so the three services
 * cannot drift apart; each service picks it up because this jar is indexed (see {@code META-INF/beans.xml}).
 */
@Path("/api/v1/info")
public class ServiceInfoResource {

    /** The realm roles Newsdesk knows; others the token may carry are none of our business. */
    static final List<String> ROLES = List.of("reader", "editor", "admin");

    public record ServiceInfo(String service, String version, String user, Set<String> roles) {
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    @GET
    @RolesAllowed("reader")
    @Produces(MediaType.APPLICATION_JSON)
    public ServiceInfo info(@Context SecurityContext security) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : ROLES) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return new ServiceInfo(service, version, security.getUserPrincipal().getName(), roles);
    }
}
