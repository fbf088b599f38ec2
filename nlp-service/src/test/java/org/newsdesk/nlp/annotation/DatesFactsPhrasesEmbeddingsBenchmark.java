package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * Tokens per second of the date, fact, keyphrase and embedding steps on 100 BBC articles, one calling thread, after
 * a warm-up. A measurement, not a test: it asserts nothing about time, its name keeps it out of the default run, and
 * it is skipped when the corpus is absent. Run it on purpose with
 * {@code ./mvnw -pl nlp-service test -Dtest=DatesFactsPhrasesEmbeddingsBenchmark} and read the table it prints.
 * The documents come from the service's fast pipeline ({@code tokenize,ssplit,ner}, no POS), so the date, fact and
 * keyphrase steps pay for their own POS tagging as they do in production.
 */
class DatesFactsPhrasesEmbeddingsBenchmark {

    private static final Path CORPUS = Path.of("../../shared/corpus/bbc-news.jsonl");
    private static final int ARTICLES = 100;
    private static final int WARM_UP = 15;
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2005-03-01T12:00:00Z");

    @Test
    void measureTokensPerSecondOfEachStep() throws IOException {
        Assumptions.assumeTrue(Files.exists(CORPUS), "BBC corpus not present at " + CORPUS.toAbsolutePath());
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(CORPUS);
        for (int i = 0; i < lines.size() && texts.size() < ARTICLES; i += lines.size() / ARTICLES) {
            JsonNode article = json.readTree(lines.get(i));
            texts.add(article.get("title").asText() + "\n\n" + article.get("text").asText());
        }

        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,ner");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        StanfordCoreNLP pipeline = new StanfordCoreNLP(props);

        long loadStart = System.nanoTime();
        PartOfSpeechTagger tagger = new PartOfSpeechTagger();
        TemporalNormalizer dates = new TemporalNormalizer(tagger);
        NumericFactExtractor facts = new NumericFactExtractor(tagger);
        TextEmbedder embedder = new TextEmbedder();
        TextEmbedder truncating = new TextEmbedder(false);
        KeyphraseExtractor keyphrases = new KeyphraseExtractor(embedder, tagger);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        List<CoreDocument> docs = new ArrayList<>();
        for (String text : texts) {
            docs.add(new CoreDocument(text));
        }
        Measure ner = measure("CoreNLP tokenize,ssplit,ner (for reference)", docs.size(),
                i -> pipeline.annotate(docs.get(i)), false);
        long tokens = docs.stream().mapToLong(d -> d.tokens().size()).sum();
        List<CoreSentence> sentences = docs.stream().flatMap(d -> d.sentences().stream()).toList();
        long triggerSentences = sentences.stream().filter(TemporalNormalizer::holdsTrigger).count();
        long numberSentences = sentences.stream()
                .filter(s -> s.tokens().stream().anyMatch(t -> QuantityPhrase.isNumberWord(t.word()))).count();
        List<List<String>> paragraphs = texts.stream().map(SeedArticles::paragraphs).toList();
        List<List<String>> sentenceTexts = docs.stream()
                .map(d -> d.sentences().stream().map(CoreSentence::text).toList()).toList();
        List<float[]> docVectors = new ArrayList<>();
        for (List<String> p : paragraphs) {
            docVectors.add(sum(embedder.embedAll(p)));
        }

        List<Measure> measures = List.of(ner,
                measure("TemporalNormalizer (SUTime on trigger sentences)", docs.size(),
                        i -> dates.find(docs.get(i), PUBLISHED), true),
                measure("NumericFactExtractor (POS+depparse on number sentences)", docs.size(),
                        i -> facts.find(docs.get(i), List.of()), true),
                measure("TextEmbedder paragraphs, whole text (windows)", docs.size(),
                        i -> embedder.embedAll(paragraphs.get(i)), true),
                measure("TextEmbedder paragraphs, first 128 word-pieces", docs.size(),
                        i -> truncating.embedAll(paragraphs.get(i)), true),
                measure("TextEmbedder sentences", docs.size(), i -> embedder.embedAll(sentenceTexts.get(i)), true),
                measure("KeyphraseExtractor (POS all sentences, 40 phrases)", docs.size(),
                        i -> keyphrases.rank(docs.get(i), docVectors.get(i), 10), true));

        System.out.printf("%n%d BBC articles, %d tokens, %d sentences (%d with a date trigger = %.0f%%, "
                + "%d with a number = %.0f%%); models of these steps loaded in %.1f s%n", docs.size(), tokens,
                sentences.size(), triggerSentences, 100.0 * triggerSentences / sentences.size(), numberSentences,
                100.0 * numberSentences / sentences.size(), loadSeconds);
        System.out.printf("%-58s %9s %9s %12s %12s%n", "step", "wall s", "cpu s", "tok/wall-s", "tok/cpu-s");
        for (Measure m : measures) {
            System.out.printf("%-58s %9.2f %9.2f %12.0f %12.0f%n", m.name, m.wall, m.cpu, tokens / m.wall,
                    tokens / m.cpu);
        }
        assertThat(tokens).isPositive();
    }

    private static Measure measure(String name, int count, IntConsumer step, boolean warmUp) {
        for (int i = 0; warmUp && i < WARM_UP; i++) {
            step.accept(i);
        }
        Measure m = new Measure(name);
        for (int i = 0; i < count; i++) {
            int index = i;
            m.time(() -> step.accept(index));
        }
        return m;
    }

    private static float[] sum(List<float[]> vectors) {
        float[] sum = new float[TextEmbedder.DIMENSION];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return sum;
    }

    /**
     * Wall time and CPU time of the whole process: ONNX Runtime computes on its own threads, so the calling thread's
     * CPU time would miss most of the embedding work. On a shared machine the CPU figure is the one to read.
     */
    private static final class Measure {
        final String name;
        double wall;
        double cpu;

        Measure(String name) {
            this.name = name;
        }

        void time(Runnable step) {
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            step.run();
            wall += (System.nanoTime() - wall0) / 1e9;
            cpu += (processCpuNanos() - cpu0) / 1e9;
        }

        private static long processCpuNanos() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }
}
