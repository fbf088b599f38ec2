package org.newsdesk.ingest.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.mapping.BatchLineResult;
import org.newsdesk.ingest.service.BatchIngestService;
import org.newsdesk.ingest.service.BatchItem;
import org.newsdesk.ingest.service.BodyDecoder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/articles:batch}: NDJSON in, NDJSON out, one result line per non-blank input line, in order.
 * A bad line answers its own 4xx line; the others go through.
 */
@Path("/api/v1/articles:batch")
public class ArticleBatchResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    BatchIngestService batches;

    @Inject
    BodyDecoder bodies;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed("editor")
    @Consumes(MediaType.WILDCARD)
    @Produces({NDJSON, MediaType.APPLICATION_JSON})
    public Response batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("source") String source, byte[] body) {
        ContentType type = ContentType.of(contentType);
        if (!type.isOneOf(ContentType.NDJSON)) {
            throw type.unsupportedHere(NDJSON);
        }
        List<BatchItem> items = bodies.ndjsonItems(body == null ? new byte[0] : body, null, null, source);
        if (items.isEmpty()) {
            throw ProblemException.badRequest("empty batch: send one JSON article per line");
        }
        return Response.ok(ndjson(batches.ingestAll(items)), NDJSON).build();
    }

    byte[] ndjson(List<BatchLineResult> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(results.size() * 256);
        try {
            for (BatchLineResult result : results) {
                out.write(json.writeValueAsBytes(result));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
