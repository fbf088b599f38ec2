package org.newsdesk.ingest.rest;

import java.util.ArrayList;
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

import org.newsdesk.contracts.problem.Problem;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.format.FeedParseException;
import org.newsdesk.ingest.format.FeedParser;
import org.newsdesk.ingest.mapping.BatchLineResult;
import org.newsdesk.ingest.model.IncomingArticle;
import org.newsdesk.ingest.service.BatchIngestService;
import org.newsdesk.ingest.service.BatchItem;
import org.newsdesk.ingest.service.BodyDecoder;

/**
 * {@code POST /api/v1/feeds:import}: an RSS or Atom document; each item becomes an article (source = the feed's
 * title unless {@code ?source=} says otherwise). A malformed feed is a 400 naming the problem; an item without
 * content gets its own 400 result.
 */
@Path("/api/v1/feeds:import")
public class FeedImportResource {

    @Inject
    BatchIngestService batches;

    @Inject
    BodyDecoder bodies;

    @Inject
    FeedParser feeds;

    @POST
    @RolesAllowed("editor")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public List<BatchLineResult> importFeed(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("source") String source, byte[] body) {
        ContentType type = ContentType.of(contentType);
        if (!type.isOneOf(ContentType.FEED)) {
            throw type.unsupportedHere("application/rss+xml, application/atom+xml or application/xml");
        }
        FeedParser.ParsedFeed feed;
        try {
            feed = feeds.parse(body == null ? new byte[0] : body);
        } catch (FeedParseException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("unreadable feed: " + e.getClass().getSimpleName());
        }
        return batches.ingestAll(items(null, feed, source, bodies));
    }

    static List<BatchItem> items(String file, FeedParser.ParsedFeed feed, String source, BodyDecoder bodies) {
        List<BatchItem> items = new ArrayList<>();
        int number = 0;
        for (IncomingArticle article : feed.articles()) {
            number++;
            IncomingArticle withSource = BodyDecoder.withDefaults(article, null, source);
            long size = (long) length(article.text()) + length(article.html());
            if (article.hasNoContent()) {
                items.add(BatchItem.rejected(file, number, Problem.of(400, "Bad Request",
                        "feed item " + number + " has no content (no description or content element)")));
            } else if (size > bodies.maxArticleBytes()) {
                items.add(BatchItem.rejected(file, number, bodies.tooLargeProblem(size, "feed item " + number)));
            } else {
                items.add(BatchItem.of(file, number, withSource, List.of()));
            }
        }
        return items;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
