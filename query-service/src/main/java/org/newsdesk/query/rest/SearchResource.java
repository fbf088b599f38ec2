package org.newsdesk.query.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.mapping.ApiViews.SearchResult;
import org.newsdesk.query.mapping.ApiViews.TimelineEvent;
import org.newsdesk.query.repository.ArticleFilter;
import org.newsdesk.query.semantic.NlpUnavailableException;
import org.newsdesk.query.service.EntityReferences;
import org.newsdesk.query.service.SearchService;

/** Full-text article search with facets, and the timeline of the same matches. */
@Path("/api/v1")
@Tag(name = "search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    EntityReferences references;

    @Inject
    QueryConfig config;

    @GET
    @Path("search")
    @RolesAllowed("reader")
    @Operation(summary = "Search articles",
            description = "q uses websearch syntax (\"phrase\", or, -word); with mode=semantic (default text) the articles "
                    + "are ranked instead by the cosine between q's embedding and their article or best paragraph "
                    + "vector, score is that cosine and the snippet the best paragraph (503 when nlp-service cannot "
                    + "embed q). entity is an id or a name (any alias or "
                    + "spelling); type limits entity names and the entity facet; from/to are YYYY-MM-DD or ISO-8601; "
                    + "sort=relevance|date; page from 0, size up to the configured cap. Snippets are HTML with <mark>.")
    @APIResponse(responseCode = "200", description = "A page of matches with the facets of all matches")
    @APIResponse(responseCode = "400", description = "Unknown parameter or bad value (mode other than text|semantic, "
            + "mode=semantic without q, ...)")
    @APIResponse(responseCode = "503", description = "mode=semantic while nlp-service cannot embed the query")
    public SearchResult search(@Context UriInfo uri) {
        ApiRequest request = ApiRequest.of(uri, config.api(), ArticleFilterParameters.with("sort", "mode", "page", "size"));
        String sort = request.oneOf("sort", "RELEVANCE", "relevance", "date");
        boolean semantic = "SEMANTIC".equals(request.oneOf("mode", "TEXT", "text", "semantic"));
        String words = uri.getQueryParameters().getFirst("q");
        if (semantic && (words == null || words.isBlank())) {
            request.error("mode=semantic needs q: the words to rank the articles by");
        }
        int page = request.page();
        int size = request.size();
        request.checkDepth(page, size);
        ArticleFilter filter = ArticleFilterParameters.read(request, references);
        var type = ArticleFilterParameters.type(request);
        String entityType = type == null ? null : type.name();
        if (!semantic) {
            return search.search(filter, entityType, "DATE".equals(sort), page, size);
        }
        try {
            return search.semanticSearch(filter, entityType, "DATE".equals(sort), page, size);
        } catch (NlpUnavailableException e) {
            throw new ProblemException(503, "Service Unavailable", "semantic search is unavailable: " + e.getMessage()
                    + "; mode=text still works");
        }
    }

    @GET
    @Path("timeline")
    @RolesAllowed("reader")
    @Operation(summary = "Dated events of matching articles",
            description = "Normalised dates mentioned in the articles (with their sentence) and publication dates "
                    + "(with the headline), oldest first; from/to bound the event dates.")
    public Page<TimelineEvent> timeline(@Context UriInfo uri) {
        ApiRequest request = ApiRequest.of(uri, config.api(), ArticleFilterParameters.with("page", "size"));
        int page = request.page();
        int size = request.size();
        request.checkDepth(page, size);
        var fromDay = request.day("from", false);
        var toDay = request.day("to", true);
        ArticleFilter filter = ArticleFilterParameters.read(request, references);
        return search.timeline(filter, fromDay, toDay, page, size);
    }
}
