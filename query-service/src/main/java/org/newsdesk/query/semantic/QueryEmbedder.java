package org.newsdesk.query.semantic;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turns a search query into a vector by asking nlp-service, with the caller's own access token (bearer tenant for
 * the API, the login session for the pages). Whatever goes wrong there (unreachable, slow, refusing, a body without
 * a vector) becomes {@link NlpUnavailableException}: semantic search answers 503, never 500.
 */
@RequestScoped
public class QueryEmbedder {

    @Inject
    @RestClient
    NlpServiceClient nlp;

    @Inject
    SecurityIdentity identity;

    public float[] embed(String query) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new NlpUnavailableException("no access token to forward to nlp-service");
        }
        NlpServiceClient.EmbedResponse response;
        try {
            response = nlp.embed("Bearer " + token.getToken(), new NlpServiceClient.EmbedRequest(query));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            Log.warnf("nlp-service answered HTTP %d to an embedding request", status);
            throw new NlpUnavailableException("nlp-service answered HTTP " + status + " to the embedding request");
        } catch (ProcessingException | IllegalStateException e) {
            Log.warnf("nlp-service cannot be reached for an embedding: %s", e.getMessage());
            throw new NlpUnavailableException("nlp-service cannot be reached right now");
        } catch (RuntimeException e) {
            Log.warnf(e, "embedding request to nlp-service failed");
            throw new NlpUnavailableException("the embedding request to nlp-service failed");
        }
        if (response == null || response.vector() == null || response.vector().length == 0) {
            throw new NlpUnavailableException("nlp-service answered without a vector");
        }
        return response.vector();
    }
}
