package org.newsdesk.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.newsdesk.nlp.annotation.ArticleAnnotator;
import org.newsdesk.nlp.annotation.StepClock;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * Tokens per second of Newsdesk's full annotation next to plain CoreNLP on the same BBC texts, in one JVM:
 * (a) CoreNLP {@code tokenize,ssplit,pos,lemma,ner} with its defaults, (b) the pipeline CoreNLP needs for
 * its own quote attribution ({@code ...,depparse,coref,quote}). Ours is measured with one worker thread, per CPU
 * second of the whole JVM, with two threads sharing one annotator, and as two instances: two JVMs, one worker each,
 * splitting the texts ({@link SecondInstance}). Tokens are CoreNLP's PTB tokens of each text,
 * counted once, so all three rates share one denominator. The one-thread runs also say where the worker's CPU goes:
 * each step's thread CPU per 1,000 tokens ({@link StepClock}), {@code nlp_step_cpu_ms_per_1000_tokens.<step>}.
 */
final class NlpThroughput {

    private final Map<String, Measurements> results = new LinkedHashMap<>();

    Map<String, Measurements> run(BbcCorpus corpus, int runs, int baselineArticles) throws Exception {
        List<String> all = corpus.articles().stream().map(a -> a.title() + "\n\n" + a.text()).toList();
        List<String> baselineTexts = all.subList(0, Math.min(baselineArticles, all.size()));
        StanfordCoreNLP tokenizer = pipeline("tokenize,ssplit", new Properties());
        long baselineTokens = tokens(tokenizer, baselineTexts);
        long allTokens = tokens(tokenizer, all);
        System.out.printf("NLP texts: %d articles, %,d tokens (baselines: %d articles, %,d tokens)%n",
                all.size(), allTokens, baselineTexts.size(), baselineTokens);

        ArticleAnnotator annotator = new ArticleAnnotator();
        OffsetDateTime published = OffsetDateTime.parse("2005-01-15T12:00:00Z");
        annotateAll(annotator, all.subList(0, Math.min(10, all.size())), published, 1); // warm-up
        List<Double> oursOnBaseline = new ArrayList<>();
        List<Double> oneThread = new ArrayList<>();
        List<Double> perCpuSecond = new ArrayList<>();
        List<Double> twoThreads = new ArrayList<>();
        List<Double> twoInstances = new ArrayList<>();
        Map<String, List<Double>> stepCpu = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            oursOnBaseline.add(baselineTokens / annotateAll(annotator, baselineTexts, published, 1).wallSeconds());
            Map<String, LongAdder> stepNanos = new ConcurrentHashMap<>();
            StepClock clock = (step, nanos) -> stepNanos.computeIfAbsent(step, k -> new LongAdder()).add(nanos);
            Timing single = annotateAll(annotator, all, published, 1, clock);
            oneThread.add(allTokens / single.wallSeconds());
            perCpuSecond.add(allTokens / single.cpuSeconds());
            stepNanos.forEach((step, nanos) -> stepCpu.computeIfAbsent(step, k -> new ArrayList<>())
                    .add(nanos.sum() / 1e6 / (allTokens / 1000.0)));
            twoThreads.add(allTokens / annotateAll(annotator, all, published, 2).wallSeconds());
        }
        annotator = null;
        System.gc();
        for (int r = 0; r < runs; r++) {
            twoInstances.add(allTokens / SecondInstance.annotateInTwoJvms(all.size()));
        }
        put("nlp_tokens_per_s", oneThread);
        put("nlp_tokens_per_cpu_s", perCpuSecond);
        put("nlp_tokens_per_s_2_threads", twoThreads);
        put("nlp_tokens_per_s_2_instances", twoInstances);
        put("nlp_tokens_per_s_baseline_texts", oursOnBaseline);
        for (String step : StepClock.STEPS) {
            String name = "nlp_step_cpu_ms_per_1000_tokens." + step;
            if (stepCpu.containsKey(step)) {
                results.put(name, new Measurements(name, "ms of one worker's thread CPU per 1,000 tokens",
                        stepCpu.get(step)));
            }
        }

        Properties plain = new Properties();
        plain.setProperty("ssplit.newlineIsSentenceBreak", "two");
        put("corenlp_ner_tokens_per_s", corenlp("tokenize,ssplit,pos,lemma,ner", plain, baselineTexts, baselineTokens, runs));
        put("corenlp_quote_tokens_per_s",
                corenlp("tokenize,ssplit,pos,lemma,ner,depparse,coref,quote", plain, baselineTexts, baselineTokens, runs));
        return results;
    }

    private List<Double> corenlp(String annotators, Properties extra, List<String> texts, long tokens, int runs) {
        StanfordCoreNLP pipeline = pipeline(annotators, extra);
        pipeline.process(texts.get(0)); // warm-up
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (String text : texts) {
                pipeline.processToCoreDocument(text);
            }
            rates.add(tokens / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("CoreNLP %s: %s tokens/s%n", annotators, rates);
        return rates;
    }

    /** Wall-clock seconds and the CPU seconds this JVM spent in them (all threads, GC and JIT included). */
    record Timing(double wallSeconds, double cpuSeconds) {
    }

    static Timing annotateAll(ArticleAnnotator annotator, List<String> texts, OffsetDateTime published, int threads)
            throws Exception {
        return annotateAll(annotator, texts, published, threads, StepClock.NONE);
    }

    /** Annotates every text with {@code threads} threads sharing one annotator; {@code clock} hears every step. */
    static Timing annotateAll(ArticleAnnotator annotator, List<String> texts, OffsetDateTime published, int threads,
            StepClock clock) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                    annotator.annotate(texts.get(i), published, "en", clock);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return new Timing((System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
    }

    private static long tokens(StanfordCoreNLP tokenizer, List<String> texts) {
        long count = 0;
        for (String text : texts) {
            CoreDocument doc = tokenizer.processToCoreDocument(text);
            count += doc.tokens().size();
        }
        return count;
    }

    private static StanfordCoreNLP pipeline(String annotators, Properties extra) {
        Properties props = new Properties();
        props.putAll(extra);
        props.setProperty("annotators", annotators);
        return new StanfordCoreNLP(props);
    }

    private void put(String name, List<Double> values) {
        results.put(name, new Measurements(name, "tokens/s", values));
    }
}
