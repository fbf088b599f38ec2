package org.newsdesk.query.clustering;

import java.time.Duration;

/**
 * When two articles tell the same story.
 *
 * @param minParagraphCosine  the best paragraph pair must be at least this similar (MiniLM: 0.85 separated
 *                            the seeds' same-event pair, 0.884, from every other pair, at most 0.73)
 * @param minSharedEntities   canonical entities both articles must name
 * @param window              largest distance between the two publication times
 */
public record ClusteringThresholds(double minParagraphCosine, int minSharedEntities, Duration window) {

    public static final ClusteringThresholds DEFAULTS = new ClusteringThresholds(0.85, 2, Duration.ofDays(3));

    public ClusteringThresholds {
        if (minParagraphCosine < -1 || minParagraphCosine > 1) {
            throw new IllegalArgumentException("minParagraphCosine must be within [-1, 1]: " + minParagraphCosine);
        }
        if (minSharedEntities < 0 || window == null || window.isNegative()) {
            throw new IllegalArgumentException("minSharedEntities and window must not be negative");
        }
    }
}
