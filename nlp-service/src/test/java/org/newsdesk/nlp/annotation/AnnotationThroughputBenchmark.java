package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import edu.stanford.nlp.pipeline.CoreDocument;

/**
 * Tokens per second of {@link CoreNlpPipeline} and of part A's own steps (entities, quotes, speakers), one thread,
 * on about a hundred BBC articles after a warm-up, by wall clock and by the thread's CPU time (the figure to trust
 * on a shared machine). A measurement, not a test: it asserts nothing about time and its
 * name keeps it out of the default test run. Run with
 * {@code ./mvnw -pl nlp-service test -Dtest=AnnotationThroughputBenchmark}; it is skipped when the corpus
 * ({@code ../shared/corpus/bbc-news.jsonl} from the repository root) is absent.
 */
class AnnotationThroughputBenchmark {

    private static final Logger LOG = Logger.getLogger(AnnotationThroughputBenchmark.class);
    private static final Path CORPUS = Path.of("../../shared/corpus/bbc-news.jsonl");
    private static final int ARTICLES = 100;
    private static final int WARM_UP = 20;

    @Test
    void measureTokensPerSecond() throws IOException {
        assumeThat(Files.exists(CORPUS)).as("BBC corpus at %s", CORPUS.toAbsolutePath()).isTrue();
        List<String> lines = Files.readAllLines(CORPUS);
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        // Every n-th article, so that all five topics are in the sample.
        int step = lines.size() / (ARTICLES + WARM_UP);
        for (int i = 0; i < ARTICLES + WARM_UP; i++) {
            JsonNode article = json.readTree(lines.get(i * step));
            texts.add(article.get("text").asText());
        }
        CoreNlpPipeline pipeline = SharedModels.pipeline();
        KbpGazetteer gazetteer = SharedModels.gazetteer();
        EntityCanonicalizer canonicalizer = new EntityCanonicalizer(gazetteer);
        QuoteExtractor extractor = new QuoteExtractor();
        QuoteAttributor attributor = new QuoteAttributor(gazetteer);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nerNanos = 0;
        long ownNanos = 0;
        long nerCpu = 0;
        long ownCpu = 0;
        long tokens = 0;
        int quotes = 0;
        int speakers = 0;
        int entities = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CoreDocument doc = pipeline.process(text);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            List<Annotation.Entity> found = canonicalizer.canonicalize(doc);
            List<Annotation.Quote> attributed = attributor.attribute(doc, found, extractor.extract(text));
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            if (i >= WARM_UP) {
                nerNanos += t1 - t0;
                ownNanos += t2 - t1;
                nerCpu += c1 - c0;
                ownCpu += c2 - c1;
                tokens += doc.tokens().size();
                quotes += attributed.size();
                speakers += (int) attributed.stream().filter(q -> q.speaker() != null).count();
                entities += found.size();
            }
        }
        LOG.infof("%d BBC articles, %d tokens, one thread. Wall clock: CoreNlpPipeline %.0f tok/s, entities+quotes+"
                + "speakers %.0f tok/s, together %.0f tok/s. CPU time: CoreNlpPipeline %.0f tok/s, own steps %.0f tok/s "
                + "(%.1f%% of the pipeline), together %.0f tok/s. Found %d entities, %d quotes, %d with a speaker.",
                ARTICLES, tokens, perSecond(tokens, nerNanos), perSecond(tokens, ownNanos),
                perSecond(tokens, nerNanos + ownNanos), perSecond(tokens, nerCpu), perSecond(tokens, ownCpu),
                100.0 * ownCpu / nerCpu, perSecond(tokens, nerCpu + ownCpu), entities, quotes, speakers);
    }

    private static double perSecond(long tokens, long nanos) {
        return tokens * 1e9 / nanos;
    }
}
