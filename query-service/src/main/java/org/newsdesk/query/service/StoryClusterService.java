package org.newsdesk.query.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.query.clustering.ClusterDecision;
import org.newsdesk.query.clustering.StoryClusterer;
import org.newsdesk.query.clustering.StorySummary;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.repository.ClusterRepository;

/**
 * Places a newly indexed article in a story cluster: loads the candidates (articles sharing entities
 * within the window, and near-duplicate relatives), lets {@link StoryClusterer} decide, and records it.
 * Runs inside the indexing transaction.
 */
@ApplicationScoped
public class StoryClusterService {

    @Inject
    ClusterRepository clusters;

    @Inject
    QueryConfig config;

    public ClusterDecision place(UUID articleId, String label, UUID nearDuplicateOf, Instant published,
                                 Set<Long> entityIds, List<float[]> paragraphVectors) {
        QueryConfig.Clustering settings = config.clustering();
        StoryClusterer clusterer = new StoryClusterer(settings.thresholds());
        List<StorySummary> candidates = clusters.candidates(articleId, entityIds, nearDuplicateOf,
                published.minus(settings.window()), published.plus(settings.window()), settings.minSharedEntities(),
                settings.maxCandidates());
        StorySummary article = new StorySummary(articleId, null, nearDuplicateOf, published, entityIds, paragraphVectors);
        ClusterDecision decision = clusterer.assign(article, candidates);
        UUID clusterId = decision.clusterId();
        if (decision.startsNewCluster()) {
            clusterId = UUID.randomUUID();
            clusters.create(clusterId, label);
        }
        clusters.assign(articleId, clusterId, decision.reason().name(), decision.bestCosine());
        return decision;
    }
}
