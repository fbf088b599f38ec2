package org.newsdesk.query.clustering;

import java.time.Duration;

/**
 * When two articles tell the same story.
 *
 * @param minParagraphCosine  the best paragraph pair must be at least this similar. Measured with MiniLM-q on
 *                            the seeds: the same-event pair 001-004 scores 0.848 over paragraphs (0.884 over
 *                            sentences) while every other pair stays at or below 0.755 (0.728 over sentences);
 *                            0.80 sits between the two for either unit, 0.85 would miss 001-004 over paragraphs
 * @param minSharedEntities   canonical entities both articles must name
 * @param window              largest distance between the two publication times
 */
public record ClusteringThresholds(double minParagraphCosine, int minSharedEntities, Duration window) {

    public static final ClusteringThresholds DEFAULTS = new ClusteringThresholds(0.80, 2, Duration.ofDays(3));

    public ClusteringThresholds {
        if (minParagraphCosine < -1 || minParagraphCosine > 1) {
            throw new IllegalArgumentException("minParagraphCosine must be within [-1, 1]: " + minParagraphCosine);
        }
        if (minSharedEntities < 0 || window == null || window.isNegative()) {
            throw new IllegalArgumentException("minSharedEntities and window must not be negative");
        }
    }
}
