package org.newsdesk.nlp.annotation;

import java.util.ArrayList;
import java.util.List;

import org.newsdesk.contracts.Annotation;

/**
 * Paragraphs (blocks of text separated by blank lines) and the arithmetic that turns paragraph vectors into the
 * document vector. Stateless. It must never alter the text: spans index into the article as given.
 */
public final class Paragraphs {

    private Paragraphs() {
    }

    /** The non-blank blocks between blank lines, trimmed of surrounding white space, in text order. */
    public static List<Annotation.Span> split(String text) {
        List<Annotation.Span> spans = new ArrayList<>();
        int n = text.length();
        int blockStart = -1;
        int blockEnd = -1;
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int first = lineStart;
            while (first < lineEnd && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            if (first == lineEnd) {
                if (blockStart >= 0) {
                    spans.add(new Annotation.Span(blockStart, blockEnd));
                    blockStart = -1;
                }
            } else {
                int last = lineEnd;
                while (last > first && Character.isWhitespace(text.charAt(last - 1))) {
                    last--;
                }
                if (blockStart < 0) {
                    blockStart = first;
                }
                blockEnd = last;
            }
            lineStart = lineEnd + 1;
        }
        if (blockStart >= 0) {
            spans.add(new Annotation.Span(blockStart, blockEnd));
        }
        return spans;
    }

    /** The L2-normalised mean of equally long vectors: the document vector of the contract. */
    public static float[] normalizedMean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to average");
        }
        int dim = vectors.get(0).length;
        double[] sum = new double[dim];
        for (float[] v : vectors) {
            if (v.length != dim) {
                throw new IllegalArgumentException("vectors of different lengths: " + dim + " and " + v.length);
            }
            for (int i = 0; i < dim; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (double s : sum) {
            norm += s * s;
        }
        norm = Math.sqrt(norm);
        float[] mean = new float[dim];
        if (norm == 0) {
            return mean;
        }
        for (int i = 0; i < dim; i++) {
            mean[i] = (float) (sum[i] / norm);
        }
        return mean;
    }
}
