package org.newsdesk.ingest.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.mapping.ArticleMapper;
import org.newsdesk.ingest.mapping.ArticlePage;
import org.newsdesk.ingest.mapping.ArticleView;
import org.newsdesk.ingest.model.IncomingArticle;
import org.newsdesk.ingest.repository.ArticleStatus;
import org.newsdesk.ingest.service.ArticlePreparer;
import org.newsdesk.ingest.service.ArticleQueries;
import org.newsdesk.ingest.service.BodyDecoder;
import org.newsdesk.ingest.service.IngestOutcome;
import org.newsdesk.ingest.service.IngestService;

/**
 * One article at a time: ingest it (JSON, plain text or HTML), read it, list them, delete one, reprocess one.
 * HTTP in, DTO out; every decision is in the services.
 */
@Path("/api/v1/articles")
public class ArticleResource {

    @Inject
    IngestService ingest;

    @Inject
    ArticleQueries queries;

    @Inject
    BodyDecoder bodies;

    @POST
    @RolesAllowed("editor")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("externalId") String externalId, @QueryParam("source") String source,
            @QueryParam("url") String url, @QueryParam("publishedAt") String publishedAt,
            @QueryParam("title") String title, @QueryParam("language") String language, byte[] body) {
        ContentType type = ContentType.of(contentType);
        byte[] bytes = body == null ? new byte[0] : body;
        bodies.checkSize(bytes.length, "the article");
        BodyDecoder.Decoded decoded = bodies.decode(bytes, type.charset());
        IncomingArticle article;
        if (type.isOneOf(ContentType.JSON)) {
            if (decoded.text().isBlank()) {
                throw ProblemException.badRequest("empty body: send a JSON object with 'text' or 'html'");
            }
            article = bodies.parseJsonArticle(decoded.text());
        } else if (type.isOneOf(ContentType.TEXT) || type.isOneOf(ContentType.HTML)) {
            boolean html = type.isOneOf(ContentType.HTML);
            article = new IncomingArticle(html ? null : decoded.text(), html ? decoded.text() : null, title, url, source,
                    ArticlePreparer.parsePublishedAt(publishedAt), language, externalId);
        } else {
            throw type.unsupportedHere("application/json, text/plain or text/html");
        }
        IngestOutcome outcome = ingest.ingest(article, decoded.warnings());
        Response.ResponseBuilder response = Response.status(outcome.httpStatus()).entity(outcome.response());
        if (outcome.kind() == IngestOutcome.Kind.CREATED) {
            response.location(URI.create("/api/v1/articles/" + outcome.article().id));
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reader")
    @Produces(MediaType.APPLICATION_JSON)
    public ArticleView get(@PathParam("id") String id) {
        return queries.get(articleId(id));
    }

    @GET
    @RolesAllowed("reader")
    @Produces(MediaType.APPLICATION_JSON)
    public ArticlePage list(@QueryParam("status") String status, @QueryParam("since") String since,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        return queries.list(status(status), since(since), number("page", page), number("size", size));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") String id) {
        ingest.delete(articleId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}:reprocess")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reprocess(@PathParam("id") String id) {
        return Response.accepted(ArticleMapper.response(ingest.reprocess(articleId(id)), null)).build();
    }

    private static UUID articleId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no article " + (id.length() > 60 ? id.substring(0, 60) + "…" : id));
        }
    }

    private static ArticleStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown status '" + status + "'; one of "
                    + java.util.Arrays.toString(ArticleStatus.values()));
        }
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        String v = since.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ProblemException.badRequest("since must be an ISO-8601 date or date-time, got '" + v + "'");
            }
        }
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, got '" + value + "'");
        }
    }
}
