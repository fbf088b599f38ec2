package org.newsdesk.query.clustering;

import java.util.UUID;

/**
 * Where an article goes.
 *
 * @param clusterId      the cluster to join; null means start a new cluster
 * @param reason         why
 * @param matchedArticle the article whose cluster it joins (null for a new cluster)
 * @param bestCosine     the best paragraph-pair cosine with that article (NaN when not scored)
 * @param sharedEntities canonical entities shared with that article
 */
public record ClusterDecision(UUID clusterId, Reason reason, UUID matchedArticle, double bestCosine, int sharedEntities) {

    public enum Reason { NEAR_DUPLICATE, SAME_STORY, NEW_STORY }

    public boolean startsNewCluster() {
        return clusterId == null;
    }
}
