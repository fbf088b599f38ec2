package org.newsdesk.query.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.mapping.ApiViews.ArticleView;
import org.newsdesk.query.mapping.ApiViews.ClusterView;
import org.newsdesk.query.mapping.ApiViews.FactView;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.mapping.ApiViews.QuoteView;
import org.newsdesk.query.service.ArticleService;
import org.newsdesk.query.service.EntityReferences;

/** Articles, story clusters, quotes and numeric facts. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    ArticleService articles;

    @Inject
    EntityReferences references;

    @Inject
    QueryConfig config;

    @GET
    @Path("articles/{id}")
    @RolesAllowed("reader")
    @Tag(name = "articles")
    @Operation(summary = "One annotated article: text, entities with mentions, quotes, dates, facts, keyphrases, "
            + "cluster and near-duplicates")
    public ArticleView article(@PathParam("id") String id, @Context UriInfo uri) {
        ApiRequest.of(uri, config.api()).validate();
        return articles.article(uuid(id, "article"));
    }

    @GET
    @Path("clusters/{id}")
    @RolesAllowed("reader")
    @Tag(name = "articles")
    @Operation(summary = "A story cluster: its articles (oldest first, with the reason each joined) and entities")
    public ClusterView cluster(@PathParam("id") String id, @Context UriInfo uri) {
        ApiRequest.of(uri, config.api()).validate();
        return articles.cluster(uuid(id, "cluster"));
    }

    @GET
    @Path("quotes")
    @RolesAllowed("reader")
    @Tag(name = "quotes")
    @Operation(summary = "Quotes, newest first",
            description = "speaker is an entity id or a name resolved through aliases and spellings; q searches the "
                    + "quote's words; from/to bound the publication date.")
    public Page<QuoteView> quotes(@Context UriInfo uri) {
        ApiRequest request = ApiRequest.of(uri, config.api(), "speaker", "q", "from", "to", "page", "size");
        String speaker = request.text("speaker");
        String words = request.text("q");
        var from = request.from("from");
        var to = request.to("to");
        int page = request.page();
        int size = request.size();
        request.checkDepth(page, size);
        request.validate();
        List<Long> speakers = speaker == null ? List.of() : references.resolve(speaker, null);
        return articles.quotes(speakers, speaker != null, words, from, to, page, size);
    }

    @GET
    @Path("facts")
    @RolesAllowed("reader")
    @Tag(name = "facts")
    @Operation(summary = "Numeric facts (killed, wounded, arrested, prices, ...) with their sentence, newest first",
            description = "kind filters the fact kind; q searches the sentence; entity keeps facts whose sentence "
                    + "names that entity (id or name).")
    public Page<FactView> facts(@Context UriInfo uri) {
        ApiRequest request = ApiRequest.of(uri, config.api(), "kind", "q", "entity", "from", "to", "page", "size");
        String kind = request.text("kind");
        String words = request.text("q");
        String entity = request.text("entity");
        var from = request.from("from");
        var to = request.to("to");
        int page = request.page();
        int size = request.size();
        request.checkDepth(page, size);
        request.validate();
        List<Long> entities = entity == null ? List.of() : references.resolve(entity, null);
        return articles.facts(kind == null ? null : kind.toLowerCase(java.util.Locale.ROOT), words, entities,
                entity != null, from, to, page, size);
    }

    static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("not a " + what + " id (UUID): '"
                    + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'");
        }
    }
}
