package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation.Keyphrase;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

class KeyphraseExtractorTest {

    private static StanfordCoreNLP pipeline;
    private static TextEmbedder embedder;
    private static KeyphraseExtractor extractor;

    @BeforeAll
    static void load() {
        pipeline = SeedArticles.fastPipeline();
        embedder = new TextEmbedder();
        extractor = new KeyphraseExtractor(embedder);
    }

    /** The contract's document vector: the normalised mean of the paragraph vectors. */
    private static float[] documentVector(String text) {
        float[] mean = new float[embedder.dimension()];
        for (float[] v : embedder.embedAll(SeedArticles.paragraphs(text))) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i];
            }
        }
        return mean;
    }

    private static List<String> top(CoreDocument doc, String text, int max) {
        List<Keyphrase> phrases = extractor.rank(doc, documentVector(text), max);
        return phrases.stream().map(Keyphrase::text).toList();
    }

    @Test
    void seed001IsAboutTheCounterTerroristOperationAndTheCsto() {
        String text = SeedArticles.text("001");
        List<String> top = top(SeedArticles.annotate(pipeline, text), text, 8);
        String joined = String.join(" | ", top).toLowerCase(Locale.ROOT);
        assertThat(joined).contains("counter-terrorist operation").contains("security council")
                .containsAnyOf("peacekeeping forces", "csto collective security council");
        assertThat(top).noneMatch(p -> p.startsWith("Jan")).noneMatch(p -> p.contains("Facebook"));
    }

    @Test
    void phrasesAreDistinctAndNeverNumbersOrStopWords() {
        String text = SeedArticles.text("002");
        List<Keyphrase> phrases = extractor.rank(SeedArticles.annotate(pipeline, text), documentVector(text), 10);
        assertThat(phrases).hasSize(10);
        assertThat(phrases).extracting(p -> p.text().toLowerCase(Locale.ROOT)).doesNotHaveDuplicates()
                .allMatch(p -> p.matches(".*\\p{L}{3,}.*"))
                .noneMatch(p -> List.of("the", "this", "it", "one", "people", "country").contains(p));
        assertThat(phrases).allSatisfy(p -> assertThat(p.score()).isBetween(-1.0, 1.0));
    }

    @Test
    void candidatesAreCappedAndBoilerplateIsNotOne() {
        String text = SeedArticles.text("004");
        List<KeyphraseExtractor.Candidate> candidates = extractor.candidates(SeedArticles.annotate(pipeline, text));
        assertThat(candidates).hasSizeLessThanOrEqualTo(KeyphraseExtractor.CANDIDATES)
                .extracting(c -> c.text.toLowerCase(Locale.ROOT))
                .noneMatch(c -> c.contains("cookie") || c.contains("website") || c.contains("downloads"));
    }

    @Test
    void worksWithoutPosTagsFromThePipeline() {
        String text = SeedArticles.text("001");
        CoreDocument doc = SeedArticles.annotate(pipeline, text);
        for (CoreLabel token : doc.tokens()) {
            token.remove(CoreAnnotations.PartOfSpeechAnnotation.class);
            token.remove(CoreAnnotations.LemmaAnnotation.class);
        }
        List<String> top = top(doc, text, 8);
        assertThat(String.join(" | ", top).toLowerCase(Locale.ROOT)).contains("counter-terrorist operation");
        assertThat(doc.tokens()).allMatch(t -> t.tag() == null); // the shared document stays untouched
    }
}
