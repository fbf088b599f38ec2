package org.newsdesk.query.web;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * ingest-service's article API as the Ingest page uses it. Every call carries the signed-in user's own
 * bearer token, so ingest-service decides what the user may do; this client never holds a token of its own.
 */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestServiceClient {

    /** Pasted wire copy as plain text: the first non-empty line becomes the title unless one is given. */
    @POST
    @Path("/articles")
    @Consumes(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    IngestItem ingestText(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("title") String title,
            @QueryParam("source") String source, @QueryParam("externalId") String externalId, String text);

    /** Files as ingest-service reads them by extension (.txt, .html, .json, .ndjson, RSS/Atom). */
    @POST
    @Path("/articles:upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    List<IngestItem> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("source") String source,
            ClientMultipartForm files);

    @GET
    @Path("/articles/{id}")
    IngestItem article(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @GET
    @Path("/articles")
    IngestItemPage recent(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("page") int page,
            @QueryParam("size") int size);
}
