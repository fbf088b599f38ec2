package org.newsdesk.query.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.mapping.ApiViews.QuoteView;
import org.newsdesk.query.service.ArticleService;
import org.newsdesk.query.service.EntityReferences;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The Quotes page: quotes by a speaker (an entity id or any of its names and spellings) and/or containing
 * words, newest first, each linked to its article and its speaker's profile.
 */
@Path("/quotes")
@RolesAllowed("reader")
@Blocking
public class QuotesPage {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quotes(String speaker, String q, Page<QuoteView> result, int lastPage,
                String previousLink, String nextLink, String error);
    }

    @Inject
    ArticleService articles;

    @Inject
    EntityReferences references;

    @Inject
    QueryConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response quotes(@RestQuery String speaker, @RestQuery String q, @RestQuery String page) {
        String who = blankToNull(speaker);
        String words = blankToNull(q);
        String error = null;
        int limit = config.api().maxQueryLength();
        if (who != null && who.length() > 300 || words != null && words.length() > limit) {
            error = "That search is too long.";
            who = null;
            words = null;
        }
        int pageNumber = 0;
        try {
            pageNumber = page == null || page.isBlank() ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()),
                    config.api().maxOffset() / PAGE_SIZE - 1));
        } catch (NumberFormatException e) {
            error = "Page numbers are whole numbers; showing the first page.";
        }
        List<Long> speakers = who == null ? List.of() : references.resolve(who, null);
        Page<QuoteView> result = articles.quotes(speakers, who != null, words, null, null, pageNumber, PAGE_SIZE);
        int lastPage = (int) Math.max(0, (result.total() - 1) / PAGE_SIZE);
        return Response.status(error == null ? 200 : 400)
                .entity(Templates.quotes(who, words, result, lastPage, link(who, words, pageNumber - 1),
                        link(who, words, pageNumber + 1), error))
                .build();
    }

    private static String link(String speaker, String words, int page) {
        StringBuilder link = new StringBuilder("/quotes?");
        if (speaker != null) {
            link.append("speaker=").append(java.net.URLEncoder.encode(speaker, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        if (words != null) {
            link.append("q=").append(java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        link.append("page=").append(Math.max(0, page));
        return link.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
