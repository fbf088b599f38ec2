package org.newsdesk.query.semantic;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * nlp-service's embedding API as semantic search uses it. Every call carries the caller's own bearer token (the API
 * caller's, or the signed-in user's from the web session), so nlp-service checks the caller; this client never holds
 * a token of its own.
 */
@RegisterRestClient(configKey = "nlp")
@Path("/api/v1")
public interface NlpServiceClient {

    record EmbedRequest(String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EmbedResponse(String model, int dimension, float[] vector) {
    }

    @POST
    @Path("/embed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    EmbedResponse embed(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, EmbedRequest request);
}
