package org.newsdesk.query.clustering;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Places an article in the story cluster of an earlier article about the same event, or in a new one.
 * <p>
 * Same story means all three at once: the best-matching paragraph pair is at least
 * {@link ClusteringThresholds#minParagraphCosine()} similar (whole-document vectors do not separate
 * "same event" from "same topic"), the articles share enough canonical entities, and they were
 * published within the window. A near-duplicate found by ingest joins its original's cluster, and an
 * original that arrives after its near-duplicate joins the duplicate's, whatever the scores say.
 * A pure function: it never reads or writes storage; the repository chooses the candidates.
 */
public final class StoryClusterer {

    private final ClusteringThresholds thresholds;

    public StoryClusterer(ClusteringThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds);
    }

    /** Decides the cluster of {@code article} among already clustered {@code candidates}. */
    public ClusterDecision assign(StorySummary article, List<StorySummary> candidates) {
        for (StorySummary candidate : candidates) {
            if (candidate.clusterId() == null || candidate.articleId().equals(article.articleId())) {
                continue;
            }
            boolean original = candidate.articleId().equals(article.nearDuplicateOf());
            boolean duplicate = article.articleId().equals(candidate.nearDuplicateOf());
            if (original || duplicate) {
                return new ClusterDecision(candidate.clusterId(), ClusterDecision.Reason.NEAR_DUPLICATE,
                        candidate.articleId(), Double.NaN, sharedEntities(article, candidate));
            }
        }
        StorySummary best = null;
        double bestCosine = Double.NEGATIVE_INFINITY;
        int bestShared = 0;
        for (StorySummary candidate : candidates) {
            if (candidate.clusterId() == null || candidate.articleId().equals(article.articleId())
                    || !withinWindow(article, candidate)) {
                continue;
            }
            int shared = sharedEntities(article, candidate);
            if (shared < thresholds.minSharedEntities()) {
                continue;
            }
            double cosine = bestParagraphCosine(article.paragraphVectors(), candidate.paragraphVectors());
            if (cosine >= thresholds.minParagraphCosine() && cosine > bestCosine) {
                best = candidate;
                bestCosine = cosine;
                bestShared = shared;
            }
        }
        if (best == null) {
            return new ClusterDecision(null, ClusterDecision.Reason.NEW_STORY, null, Double.NaN, 0);
        }
        return new ClusterDecision(best.clusterId(), ClusterDecision.Reason.SAME_STORY, best.articleId(),
                bestCosine, bestShared);
    }

    private boolean withinWindow(StorySummary a, StorySummary b) {
        if (a.publishedAt() == null || b.publishedAt() == null) {
            return false;
        }
        return Duration.between(a.publishedAt(), b.publishedAt()).abs().compareTo(thresholds.window()) <= 0;
    }

    static int sharedEntities(StorySummary a, StorySummary b) {
        int shared = 0;
        for (Long id : a.entityIds()) {
            if (b.entityIds().contains(id)) {
                shared++;
            }
        }
        return shared;
    }

    /** The highest cosine over all paragraph pairs; -1 when either side has no usable vector. */
    public static double bestParagraphCosine(List<float[]> a, List<float[]> b) {
        double best = -1;
        for (float[] x : a) {
            double nx = norm(x);
            if (nx == 0) {
                continue;
            }
            for (float[] y : b) {
                if (y.length != x.length) {
                    continue;
                }
                double ny = norm(y);
                if (ny == 0) {
                    continue;
                }
                double dot = 0;
                for (int i = 0; i < x.length; i++) {
                    dot += (double) x[i] * y[i];
                }
                best = Math.max(best, dot / (nx * ny));
            }
        }
        return best;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += (double) f * f;
        }
        return Math.sqrt(sum);
    }
}
