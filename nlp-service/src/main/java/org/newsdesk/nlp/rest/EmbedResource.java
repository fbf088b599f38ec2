package org.newsdesk.nlp.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsdesk.nlp.service.AnnotationService;

import io.smallrye.common.annotation.Blocking;

/**
 * Embeds one short text (a search query) with the same model that embeds the articles and their paragraphs, for
 * query-service's semantic search. Like {@code /api/v1/annotate} it never answers 500 for a text: bad input is 400
 * or 413, a loading instance 503 with Retry-After, an embedder failure 422.
 */
@Path("/api/v1/embed")
public class EmbedResource {

    @Inject
    AnnotationService annotations;

    @POST
    @Blocking
    @RolesAllowed("reader")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Embed one text (a search query) in the space of the article and paragraph vectors")
    @APIResponse(responseCode = "200", description = "The model, the dimension and the L2-normalised vector")
    @APIResponse(responseCode = "400", description = "No body, malformed JSON or empty text")
    @APIResponse(responseCode = "413", description = "Text over newsdesk.nlp.max-embed-bytes")
    @APIResponse(responseCode = "422", description = "The embedder failed on this text")
    @APIResponse(responseCode = "503", description = "The models are still loading")
    public EmbedResponse embed(EmbedRequest request) {
        return TextCalls.answer(request == null ? null : request.text(), "embedder", () -> {
            float[] vector = annotations.embedText(request.text());
            return new EmbedResponse(AnnotationService.EMBEDDING_MODEL, vector.length, vector);
        });
    }
}
