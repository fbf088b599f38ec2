package org.newsdesk.ingest.service;

import java.util.List;

import org.newsdesk.contracts.problem.Problem;
import org.newsdesk.ingest.model.IncomingArticle;

/**
 * One item of a batch, an upload or a feed: either an article to ingest (with what decoding noticed) or the
 * problem that already rejected it while reading.
 *
 * @param file the uploaded file it came from, or null
 * @param line 1-based line or item number
 */
public record BatchItem(String file, int line, IncomingArticle article, List<String> warnings, Problem problem) {

    public static BatchItem of(String file, int line, IncomingArticle article, List<String> warnings) {
        return new BatchItem(file, line, article, warnings, null);
    }

    public static BatchItem rejected(String file, int line, Problem problem) {
        return new BatchItem(file, line, null, List.of(), problem);
    }
}
