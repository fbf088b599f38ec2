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
    void matchesLangchain4jsOwnInferenceOnTextsWithinOneWindow() {
        var reference = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("CSTO", "Kassym-Jomart Tokayev", "liquefied gas prices",
                "Kazakhstan's president asked the CSTO for help.", SeedArticles.paragraphs(SeedArticles.body("002")).get(1));
        List<float[]> ours = embedder.embedAll(texts); // one padded batch of different lengths
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = reference.embed(texts.get(i)).content().vector();
            assertThat(TextEmbedder.cosine(ours.get(i), theirs)).as(texts.get(i)).isGreaterThan(0.999);
        }
    }

    @Test
    void aTextsVectorDoesNotDependOnWhatItIsBatchedWith() {
        String text = "Protesters stormed the mayor's office in Almaty.";
        float[] alone = embedder.embed(text);
        float[] batched = embedder.embedAll(List.of(SeedArticles.body("001"), text, "gas")).get(1);
        assertThat(TextEmbedder.cosine(alone, batched)).isGreaterThan(0.9999);
    }

    @Test
    void batchedRankingVectorsStayCloseToExactOnes() {
        List<String> phrases = List.of("CSTO", "liquefied gas prices", "state of emergency", "Kassym-Jomart Tokayev",
                "peacekeeping troops", "Almaty airport", "fuel price protests in Zhanaozen");
        List<float[]> ranking = embedder.embedForRanking(phrases);
        for (int i = 0; i < phrases.size(); i++) {
            assertThat(TextEmbedder.cosine(ranking.get(i), embedder.embed(phrases.get(i)))).as(phrases.get(i))
                    .isGreaterThan(0.98);
        }
    }

    @Test
    void cosineOfZeroVectorIsZeroAndOfItselfIsOne() {
        float[] v = {0.6f, 0.8f};
        assertThat(TextEmbedder.cosine(v, v)).isCloseTo(1.0, within(1e-6));
        assertThat(TextEmbedder.cosine(v, new float[2])).isZero();
        assertThat(TextEmbedder.cosine(v, new float[] {-0.6f, -0.8f})).isCloseTo(-1.0, within(1e-6));
    }
}
