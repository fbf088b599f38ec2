package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;

class CoreNlpPipelineTest {

    private static CoreNlpPipeline pipeline;

    @BeforeAll
    static void loadModels() {
        pipeline = SharedModels.pipeline();
    }

    @Test
    void runsTheFastConfigurationAndHandsOutCopiesOfIt() {
        Properties p = pipeline.properties();
        assertThat(p.getProperty("annotators")).isEqualTo("tokenize,ssplit,pos,lemma,ner");
        assertThat(p.getProperty("ssplit.newlineIsSentenceBreak")).isEqualTo("two");
        assertThat(p.getProperty("ner.applyFineGrained")).isEqualTo("false");
        assertThat(p.getProperty("ner.useSUTime")).isEqualTo("false");
        assertThat(p.getProperty("ner.applyNumericClassifiers")).isEqualTo("false");
        p.setProperty("annotators", "tokenize");
        assertThat(pipeline.properties().getProperty("annotators")).isEqualTo("tokenize,ssplit,pos,lemma,ner");
        assertThat(CoreNlpPipeline.defaultProperties()).isEqualTo(pipeline.properties());
    }

    @Test
    void offsetsAreJavaStringIndicesEvenAfterCharactersOutsideTheBmp() {
        String text = "Wow 😀😀 “We will win,” said Mr. Boris Johnson in London.";
        CoreDocument doc = pipeline.process(text);
        assertThat(doc.entityMentions()).extracting(m -> text.substring(m.charOffsets().first(), m.charOffsets().second()))
                .contains("Boris Johnson", "London");
    }

    @Test
    void blankLinesSeparateSentencesSingleNewlinesDoNot() {
        CoreDocument doc = pipeline.process("Headline Without A Stop\n\nThe body starts here\nand goes on.");
        assertThat(doc.sentences()).extracting(s -> s.text())
                .containsExactly("Headline Without A Stop", "The body starts here\nand goes on.");
        assertThat(doc.tokens()).as("tagged and lemmatised once, for keyphrases, dates and facts")
                .allSatisfy(t -> assertThat(t.tag()).isNotNull())
                .allSatisfy(t -> assertThat(t.lemma()).isNotNull());
    }

    @Test
    void oneInstanceServesTwoThreadsWithTheSameResults() throws Exception {
        List<String> texts = List.of(SeedArticles.text("001"), SeedArticles.text("002"), SeedArticles.text("003"));
        List<List<String>> sequential = texts.stream().map(CoreNlpPipelineTest::mentions).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<List<String>>> futures = texts.stream()
                        .map(t -> pool.submit(() -> mentions(t))).toList();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> mentions(String text) {
        return pipeline.process(text).entityMentions().stream()
                .map(CoreEntityMention::toString).toList();
    }
}
