package org.newsdesk.query.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import org.newsdesk.query.clustering.ClusteringThresholds;

/** Everything an operator may tune in query-service, under {@code newsdesk.query}. */
@ConfigMapping(prefix = "newsdesk.query")
public interface QueryConfig {

    Clustering clustering();

    Api api();

    Consumer consumer();

    Semantic semantic();

    interface Clustering {
        /** Best paragraph-pair cosine for "same story" (see {@link ClusteringThresholds}). */
        @WithDefault("0.80")
        double minParagraphCosine();

        @WithDefault("2")
        int minSharedEntities();

        @WithDefault("P3D")
        Duration window();

        /** At most this many earlier articles are scored against a new one (those sharing most entities). */
        @WithDefault("200")
        int maxCandidates();

        default ClusteringThresholds thresholds() {
            return new ClusteringThresholds(minParagraphCosine(), minSharedEntities(), window());
        }
    }

    interface Api {
        @WithDefault("20")
        int defaultPageSize();

        /** Larger page sizes are refused with 400, not silently cut. */
        @WithDefault("100")
        int maxPageSize();

        /** Longer search queries are refused with 400. */
        @WithDefault("500")
        int maxQueryLength();

        /** Deepest page reachable by offset paging (page × size). */
        @WithDefault("10000")
        int maxOffset();

        /** Rows one export streams at most. */
        @WithDefault("100000")
        int maxExportRows();
    }

    /** {@code mode=semantic}: ranking by cosine between the query's vector and the stored article vectors. */
    interface Semantic {
        /** Articles below this cosine do not match at all (MiniLM puts unrelated texts around 0 to 0.15). */
        @WithDefault("0.2")
        double minScore();

        /** At most this many best articles match (total, facets and paging are over them). */
        @WithDefault("1000")
        int maxResults();

        /** Longest time a search trusts the in-memory vectors before looking for other instances' changes. */
        @WithDefault("PT5S")
        Duration refreshInterval();
    }

    interface Consumer {
        /** Attempts to index one event before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT0.5S")
        Duration retryBackoff();
    }
}
