package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEmbedderTest {

    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new TextEmbedder();
    }

    private static double bestPair(String seedA, String seedB) {
        List<float[]> a = embedder.embedAll(SeedArticles.paragraphs(SeedArticles.body(seedA)));
        List<float[]> b = embedder.embedAll(SeedArticles.paragraphs(SeedArticles.body(seedB)));
        double best = -1;
        for (float[] x : a) {
            for (float[] y : b) {
                best = Math.max(best, TextEmbedder.cosine(x, y));
            }
        }
        return best;
    }

    @Test
    void vectorsAre384DimensionalAndUnitLength() {
        float[] v = embedder.embed("Kazakhstan's president asked the CSTO for help.");
        assertThat(v).hasSize(384);
        assertThat(embedder.dimension()).isEqualTo(384);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void blankTextGivesTheZeroVector() {
        assertThat(embedder.embedAll(List.of("", "  "))).allSatisfy(v -> assertThat(v).containsOnly(0f));
    }

    @Test
    void sameEventSeedsShareAParagraphPairCloserThanOtherEvents() {
        double sameEvent = bestPair("001", "004");
        double otherEvent003 = bestPair("001", "003");
        double otherEvent000 = bestPair("001", "000");
        System.out.printf("best paragraph pair cosine: 001-004 %.3f, 001-003 %.3f, 001-000 %.3f%n",
                sameEvent, otherEvent003, otherEvent000);
        assertThat(sameEvent).isGreaterThan(0.85);
        assertThat(Math.max(otherEvent003, otherEvent000)).isLessThan(0.75);
        assertThat(sameEvent - Math.max(otherEvent003, otherEvent000)).isGreaterThan(0.1);
    }

    @Test
    void longParagraphIsCutIntoWindowsThatCoverItAll() {
        String text = SeedArticles.body("001");
        String longest = SeedArticles.paragraphs(text).stream()
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        assertThat(embedder.countWordPieces(longest)).isGreaterThan(TextEmbedder.WINDOW);
        List<String> windows = embedder.windows(longest);
        assertThat(windows).hasSizeGreaterThan(1)
                .allSatisfy(w -> assertThat(embedder.countWordPieces(w)).isLessThanOrEqualTo(TextEmbedder.WINDOW));
        assertThat(String.join("", windows).replaceAll("\\s+", ""))
                .isEqualTo(longest.replaceAll("\\s+", ""));
    }

    @Test
    void theEndOfALongTextCountsWhenWindowed() {
        String speech = SeedArticles.paragraphs(SeedArticles.text("003")).stream()
                .filter(p -> p.length() > 300).findFirst().orElseThrow();
        String opening = speech.repeat(3);
        String tail =
                "Liquefied gas prices doubled from 60 to 120 tenge per litre, and drivers protested in Zhanaozen.";
        String text = opening + " " + tail;
        float[] tailVector = embedder.embed(tail);
        TextEmbedder truncating = new TextEmbedder(false);
        double whole = TextEmbedder.cosine(embedder.embed(text), tailVector);
        double truncated = TextEmbedder.cosine(truncating.embed(text), tailVector);
        assertThat(whole).isGreaterThan(truncated + 0.05);
    }

    @Test
    void cosineOfZeroVectorIsZeroAndOfItselfIsOne() {
        float[] v = {0.6f, 0.8f};
        assertThat(TextEmbedder.cosine(v, v)).isCloseTo(1.0, within(1e-6));
        assertThat(TextEmbedder.cosine(v, new float[2])).isZero();
        assertThat(TextEmbedder.cosine(v, new float[] {-0.6f, -0.8f})).isCloseTo(-1.0, within(1e-6));
    }
}
