package org.newsdesk.nlp.annotation;

import java.util.List;

/** Turns text into L2-normalised dense vectors. */
public interface Embedder {
    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /**
     * Vectors good enough to rank short texts against each other, possibly cheaper and slightly less exact than
     * {@link #embedAll}; never for vectors that are published.
     */
    default List<float[]> embedForRanking(List<String> texts) {
        return embedAll(texts);
    }

    int dimension();
}
