package org.newsdesk.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;

/** Who answers and who is asking: the smallest authenticated call, for smoke tests and the launcher. */
@Path("/api/v1/info")
public class ServiceInfoResource {

    public record ServiceInfo(String service, String version, String user, java.util.Set<String> roles) {
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    @jakarta.inject.Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed("reader")
    @Produces(MediaType.APPLICATION_JSON)
    public ServiceInfo info() {
        return new ServiceInfo(service, version, identity.getPrincipal().getName(), identity.getRoles());
    }
}
