package org.newsdesk.nlp.annotation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.pipeline.CoreDocument;

/**
 * Small, deterministic stand-ins for part B's steps, so that {@link ArticleAnnotator} can be tested without SUTime,
 * the dependency parser or the ONNX model. Each counts its calls.
 */
final class StubAnnotationSteps {

    private StubAnnotationSteps() {
    }

    /** One DATE per "January N" in the text, resolved to the publication year. */
    static final class JanuaryDates implements DateFinder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<Annotation.DateMention> find(CoreDocument doc, OffsetDateTime publishedAt) {
            calls.incrementAndGet();
            List<Annotation.DateMention> dates = new ArrayList<>();
            String text = doc.text();
            for (int i = text.indexOf("January "); i >= 0; i = text.indexOf("January ", i + 1)) {
                int end = i + 8;
                while (end < text.length() && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                if (end > i + 8) {
                    int day = Integer.parseInt(text.substring(i + 8, end));
                    dates.add(new Annotation.DateMention(i, end, text.substring(i, end),
                            String.format(Locale.ROOT, "%d-01-%02d", publishedAt.getYear(), day), "DATE"));
                }
            }
            return dates;
        }
    }

    /** One fact per PERSON entity, so tests can see that the canonical entities reach the fact step. */
    static final class PersonCountFacts implements FactFinder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<Annotation.Fact> find(CoreDocument doc, List<Annotation.Entity> entities) {
            calls.incrementAndGet();
            long people = entities.stream().filter(e -> e.type() == Annotation.EntityType.PERSON).count();
            return List.of(new Annotation.Fact(0, 1, doc.text().substring(0, 1), "people", people, null, null, null));
        }
    }

    /** The first {@code max} capitalised words, scored by their position, with the vector it was given recorded. */
    static final class CapitalisedWords implements PhraseRanker {
        final AtomicInteger calls = new AtomicInteger();
        volatile float[] lastDocumentEmbedding;
        volatile int lastMax;

        @Override
        public List<Annotation.Keyphrase> rank(CoreDocument doc, float[] documentEmbedding, int max) {
            calls.incrementAndGet();
            lastDocumentEmbedding = documentEmbedding;
            lastMax = max;
            List<Annotation.Keyphrase> phrases = new ArrayList<>();
            for (var token : doc.tokens()) {
                String w = token.originalText();
                if (phrases.size() < max && Character.isUpperCase(w.charAt(0))) {
                    phrases.add(new Annotation.Keyphrase(w, 1.0 / (phrases.size() + 1)));
                }
            }
            return phrases;
        }
    }

    /** Bag of letters hashed into 8 dimensions and L2-normalised: different texts get different directions. */
    static final class LetterHashEmbedder implements Embedder {
        static final int DIMENSION = 8;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public float[] embed(String text) {
            float[] v = new float[DIMENSION];
            for (int i = 0; i < text.length(); i++) {
                char c = Character.toLowerCase(text.charAt(i));
                if (Character.isLetter(c)) {
                    v[(c * 31 + i % 3) % DIMENSION] += 1;
                }
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < DIMENSION && norm > 0; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            return v;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            calls.incrementAndGet();
            return texts.stream().map(this::embed).toList();
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }
    }

    /** A step that always fails, to check that a failure is reported in the notes and contained. */
    static final class Failing implements DateFinder, Embedder {
        @Override
        public List<Annotation.DateMention> find(CoreDocument doc, OffsetDateTime publishedAt) {
            throw new IllegalStateException("date model unavailable");
        }

        @Override
        public float[] embed(String text) {
            throw new IllegalStateException("embedding model unavailable");
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            throw new IllegalStateException("embedding model unavailable");
        }

        @Override
        public int dimension() {
            return 0;
        }
    }
}
