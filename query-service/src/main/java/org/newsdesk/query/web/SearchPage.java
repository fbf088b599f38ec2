package org.newsdesk.query.web;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.mapping.ApiViews.EntityCount;
import org.newsdesk.query.mapping.ApiViews.Facets;
import org.newsdesk.query.mapping.ApiViews.SearchResult;
import org.newsdesk.query.repository.ArticleFilter;
import org.newsdesk.query.semantic.NlpUnavailableException;
import org.newsdesk.query.service.SearchService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The Search page: one box with websearch syntax, highlighted snippets, facets (entities by type, sources,
 * languages, months), sorting, paging and the semantic switch. It reads through {@link SearchService}, the
 * same service as {@code GET /api/v1/search}; it never builds SQL itself.
 */
@Path("/")
@RolesAllowed("reader")
@Blocking
public class SearchPage {

    static final int PAGE_SIZE = SearchRequest.PAGE_SIZE;

    /** A filter in effect, shown as a chip that removes it. */
    public record ActiveFilter(String label, String value, String removeLink) {
    }

    /** A facet tab for one entity type (or all types, for a null type). */
    public record TypeTab(String label, String link, boolean active) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchRequest search, SearchResult result, List<ActiveFilter> filters,
                List<TypeTab> typeTabs, List<Integer> pages, int lastPage, List<String> errors, String notice);
    }

    @Inject
    SearchService searches;

    @Inject
    QueryConfig config;

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/search")).build();
    }

    @GET
    @Path("search")
    @Produces(MediaType.TEXT_HTML)
    public Response search(@RestQuery String q, @RestQuery String entity, @RestQuery String type,
            @RestQuery String source, @RestQuery String lang, @RestQuery String month, @RestQuery String cluster,
            @RestQuery String sort, @RestQuery String mode, @RestQuery String page) {
        List<String> errors = new ArrayList<>();
        String words = blankToNull(q);
        if (words != null && words.length() > config.api().maxQueryLength()) {
            errors.add("Search words are limited to " + config.api().maxQueryLength() + " characters.");
            words = null;
        }
        Long entityId = null;
        if (blankToNull(entity) != null) {
            try {
                entityId = Long.parseLong(entity.strip());
            } catch (NumberFormatException e) {
                errors.add("That entity filter is not an entity id; it was left out.");
            }
        }
        String entityType = null;
        if (blankToNull(type) != null) {
            try {
                entityType = EntityType.valueOf(type.strip().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                errors.add("Unknown entity type; showing all types.");
            }
        }
        Instant from = null;
        Instant to = null;
        String monthValue = blankToNull(month);
        if (monthValue != null) {
            try {
                YearMonth ym = YearMonth.parse(monthValue);
                from = ym.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                to = ym.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.add("A month looks like 2022-01; the month filter was left out.");
                monthValue = null;
            }
        }
        UUID clusterId = null;
        if (blankToNull(cluster) != null) {
            try {
                clusterId = UUID.fromString(cluster.strip());
            } catch (IllegalArgumentException e) {
                errors.add("That story cluster id is not valid; it was left out.");
            }
        }
        String sortValue = "date".equals(sort) ? "date" : null;
        String modeValue = "semantic".equals(mode) ? "semantic" : null;
        int maxPage = Math.max(0, config.api().maxOffset() / PAGE_SIZE - 1);
        int pageNumber = 0;
        if (blankToNull(page) != null) {
            try {
                pageNumber = Math.min(maxPage, Math.max(0, Integer.parseInt(page.strip())));
            } catch (NumberFormatException e) {
                errors.add("Page numbers are whole numbers; showing the first page.");
            }
        }
        SearchRequest request = new SearchRequest(words, entityId == null ? null : entityId.toString(),
                entityType == null ? null : entityType.toLowerCase(Locale.ROOT), blankToNull(source), blankToNull(lang),
                monthValue, clusterId == null ? null : clusterId.toString(), sortValue, modeValue, pageNumber);

        ArticleFilter filter = new ArticleFilter(words, entityId == null ? List.of() : List.of(entityId), false, from, to,
                request.source(), request.lang(), clusterId);
        String notice = null;
        SearchResult result = null;
        if (request.semantic() && words == null) {
            notice = "Semantic search ranks articles by the meaning of the words you type: enter some words.";
        } else if (request.semantic()) {
            try {
                result = searches.semanticSearch(filter, entityType, request.byDate(), pageNumber, PAGE_SIZE);
            } catch (NlpUnavailableException e) {
                notice = "Semantic search is unavailable right now (the language service cannot be reached): "
                        + "results are ranked by words.";
            }
        }
        if (result == null) {
            result = searches.search(filter, entityType, request.byDate(), pageNumber, PAGE_SIZE);
        }
        int lastPage = (int) Math.min(maxPage, Math.max(0, (result.total() - 1) / PAGE_SIZE));
        TemplateInstance view = Templates.search(request, result, activeFilters(request, result.facets()),
                typeTabs(request), pageWindow(pageNumber, lastPage), lastPage, errors, notice);
        return Response.status(errors.isEmpty() ? 200 : 400).entity(view).build();
    }

    private static List<ActiveFilter> activeFilters(SearchRequest request, Facets facets) {
        List<ActiveFilter> filters = new ArrayList<>();
        if (request.entity() != null) {
            String name = facets.entities().stream().filter(e -> Long.toString(e.id()).equals(request.entity()))
                    .map(EntityCount::name).findFirst().orElse("entity #" + request.entity());
            filters.add(new ActiveFilter("Entity", name, request.without("entity")));
        }
        if (request.source() != null) {
            filters.add(new ActiveFilter("Source", request.source(), request.without("source")));
        }
        if (request.lang() != null) {
            filters.add(new ActiveFilter("Language", request.lang(), request.without("lang")));
        }
        if (request.month() != null) {
            filters.add(new ActiveFilter("Month", request.month(), request.without("month")));
        }
        if (request.cluster() != null) {
            filters.add(new ActiveFilter("Story", "same story", request.without("cluster")));
        }
        return filters;
    }

    private static List<TypeTab> typeTabs(SearchRequest request) {
        List<TypeTab> tabs = new ArrayList<>();
        tabs.add(new TypeTab("All", request.without("type"), request.type() == null));
        tabs.add(new TypeTab("People", request.with("type", "person"), "person".equals(request.type())));
        tabs.add(new TypeTab("Organisations", request.with("type", "organization"), "organization".equals(request.type())));
        tabs.add(new TypeTab("Places", request.with("type", "location"), "location".equals(request.type())));
        tabs.add(new TypeTab("Other", request.with("type", "misc"), "misc".equals(request.type())));
        return tabs;
    }

    /** Up to nine page numbers around the current one. */
    private static List<Integer> pageWindow(int current, int last) {
        int from = Math.max(0, Math.min(current - 4, last - 8));
        int to = Math.min(last, from + 8);
        List<Integer> pages = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            pages.add(p);
        }
        return pages;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
