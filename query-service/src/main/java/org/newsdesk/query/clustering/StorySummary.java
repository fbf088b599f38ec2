package org.newsdesk.query.clustering;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the clusterer needs to know about one article: when it appeared, which canonical entities it
 * names, its paragraph vectors, its cluster (null for the article being placed) and the original it
 * nearly duplicates, if ingest found one.
 */
public record StorySummary(UUID articleId, UUID clusterId, UUID nearDuplicateOf, Instant publishedAt,
                           Set<Long> entityIds, List<float[]> paragraphVectors) {

    public StorySummary {
        entityIds = entityIds == null ? Set.of() : Set.copyOf(entityIds);
        paragraphVectors = paragraphVectors == null ? List.of() : List.copyOf(paragraphVectors);
    }
}
