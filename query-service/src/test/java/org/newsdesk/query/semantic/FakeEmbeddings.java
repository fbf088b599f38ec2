package org.newsdesk.query.semantic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic stand-in vectors for tests: a hashed bag of words (each lower-cased word adds ±1 to one of 1024
 * dimensions), L2-normalised. Texts that share words have a positive cosine, texts that share none about 0, so a
 * test knows which article a query is nearest to without loading a model.
 */
public final class FakeEmbeddings {

    public static final int DIMENSION = 1024;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private FakeEmbeddings() {
    }

    public static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            int h = words.group().hashCode();
            v[Math.floorMod(h, DIMENSION)] += (h & 0x40000000) == 0 ? 1f : -1f;
        }
        return normalised(v);
    }

    /** The normalised mean, as nlp-service derives the document vector from the paragraph vectors. */
    public static float[] mean(java.util.List<float[]> vectors) {
        float[] sum = new float[DIMENSION];
        for (float[] v : vectors) {
            for (int i = 0; i < DIMENSION; i++) {
                sum[i] += v[i];
            }
        }
        return normalised(sum);
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
