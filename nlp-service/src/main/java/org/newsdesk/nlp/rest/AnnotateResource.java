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
import org.newsdesk.contracts.Annotation;
import org.newsdesk.nlp.service.AnnotationService;

import io.smallrye.common.annotation.Blocking;

/**
 * Synchronous annotation for the UI, scripts and evaluation: the same {@link Annotation} the Kafka path publishes.
 * Runs on a worker thread, at most {@code newsdesk.nlp.http.concurrency} at a time. It must never answer 500 for a
 * text: bad input is 400 or 413, a busy or loading instance 503 with Retry-After, a text the annotator chokes on 422.
 */
@Path("/api/v1/annotate")
public class AnnotateResource {

    @Inject
    AnnotationService annotations;

    @POST
    @Blocking
    @RolesAllowed("reader")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Annotate one text: entities, quotes with speakers, dates, numeric facts, keyphrases, embeddings")
    @APIResponse(responseCode = "200", description = "The annotation; offsets are Java String indices into text")
    @APIResponse(responseCode = "400", description = "No body, malformed JSON or empty text")
    @APIResponse(responseCode = "413", description = "Text over newsdesk.nlp.max-text-bytes")
    @APIResponse(responseCode = "422", description = "The annotator failed on this text")
    @APIResponse(responseCode = "503", description = "The models are still loading or every slot is busy")
    public Annotation annotate(AnnotateRequest request) {
        return TextCalls.answer(request == null ? null : request.text(), "annotator",
                () -> annotations.annotateText(request.text(), request.publishedAt(), request.language()));
    }
}
