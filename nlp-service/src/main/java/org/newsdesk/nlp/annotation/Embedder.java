package org.newsdesk.nlp.annotation;

import java.util.List;

/** Turns text into L2-normalised dense vectors. */
public interface Embedder {
    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    int dimension();
}
