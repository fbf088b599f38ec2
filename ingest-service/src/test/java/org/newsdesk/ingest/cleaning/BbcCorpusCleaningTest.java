package org.newsdesk.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.TestData;
import org.newsdesk.ingest.TestData.BbcArticle;
import org.newsdesk.ingest.dedup.ContentFingerprint;
import org.newsdesk.ingest.dedup.MinHasher;

/**
 * Runs the cleaner over the 2,225 BBC articles (clean wire copy with no boilerplate) to measure how much real
 * text it eats, and how long cleaning + fingerprint + MinHash take per article.
 */
class BbcCorpusCleaningTest {

    private static List<BbcArticle> corpus;

    @BeforeAll
    static void loadCorpus() {
        assumeTrue(Files.exists(TestData.bbcCorpus()), "BBC corpus not found at " + TestData.bbcCorpus());
        corpus = TestData.bbcArticles();
    }

    private record Kept(BbcArticle article, int before, int after, List<Removal> removals) {
        double ratio() {
            return before == 0 ? 1.0 : (double) after / before;
        }
    }

    @Test
    void cleaningKeepsAtLeast99PercentOfWordsFor99PercentOfBbcArticles() {
        TextCleaner cleaner = new TextCleaner();
        List<Kept> kept = new ArrayList<>();
        long wordsBefore = 0;
        long wordsAfter = 0;
        Map<Removal.Kind, Integer> removalsByKind = new TreeMap<>();
        for (BbcArticle article : corpus) {
            CleanText clean = cleaner.clean(article.text());
            int before = TestData.wordCount(article.text());
            int after = TestData.wordCount(clean.text());
            wordsBefore += before;
            wordsAfter += after;
            kept.add(new Kept(article, before, after, clean.removals()));
            clean.removals().forEach(r -> removalsByKind.merge(r.kind(), 1, Integer::sum));
        }
        long fullyKeptEnough = kept.stream().filter(k -> k.ratio() >= 0.99).count();
        double share = (double) fullyKeptEnough / kept.size();
        System.out.printf("BBC cleaning: %d/%d articles (%.2f%%) keep >= 99%% of their words; words kept overall %d/%d (%.4f%%)%n",
                fullyKeptEnough, kept.size(), 100 * share, wordsAfter, wordsBefore, 100.0 * wordsAfter / wordsBefore);
        System.out.println("BBC cleaning removals by kind: " + removalsByKind);
        kept.stream().filter(k -> !k.removals().isEmpty()).sorted(Comparator.comparingDouble(Kept::ratio)).limit(15)
                .forEach(k -> System.out.printf("  %s kept %.3f: %s%n", k.article().id(), k.ratio(),
                        k.removals().stream().map(r -> r.kind() + "[" + abbreviate(r.text()) + "]").toList()));

        assertThat(share).as("share of articles keeping >= 99%% of words").isGreaterThanOrEqualTo(0.99);
        assertThat((double) wordsAfter / wordsBefore).isGreaterThan(0.995);
    }

    @Test
    void measuresCleaningFingerprintAndMinHashCostPerArticle() {
        TextCleaner cleaner = new TextCleaner();
        MinHasher minHasher = new MinHasher();
        long checksum = 0;
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            for (BbcArticle article : corpus) {
                checksum += process(cleaner, minHasher, article);
            }
        }
        // thread CPU time, not wall time: the build machine is shared and wall time measures the neighbours
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wallStart = System.nanoTime();
        long start = threads.getCurrentThreadCpuTime();
        for (BbcArticle article : corpus) {
            checksum += process(cleaner, minHasher, article);
        }
        double perArticleMs = (threads.getCurrentThreadCpuTime() - start) / 1e6 / corpus.size();
        double wallMs = (System.nanoTime() - wallStart) / 1e6 / corpus.size();
        long cleanStart = threads.getCurrentThreadCpuTime();
        for (BbcArticle article : corpus) {
            checksum += cleaner.clean(article.title() + "\n\n" + article.text()).text().length();
        }
        double cleanMs = (threads.getCurrentThreadCpuTime() - cleanStart) / 1e6 / corpus.size();
        long hashStart = threads.getCurrentThreadCpuTime();
        for (BbcArticle article : corpus) {
            checksum += minHasher.signature(article.text()).size();
        }
        double minHashMs = (threads.getCurrentThreadCpuTime() - hashStart) / 1e6 / corpus.size();
        System.out.printf("BBC ingest cost, one thread after 2 warm-up passes: clean+fingerprint+MinHash %.3f ms CPU/article "
                + "(%.0f articles/s per core; wall %.3f ms), of which cleaning %.3f ms and MinHash %.3f ms (checksum %d)%n",
                perArticleMs, 1000 / perArticleMs, wallMs, cleanMs, minHashMs, checksum);
        assertThat(perArticleMs).isPositive();
    }

    private static long process(TextCleaner cleaner, MinHasher minHasher, BbcArticle article) {
        CleanText clean = cleaner.clean(article.title() + "\n\n" + article.text());
        return ContentFingerprint.of(article.title(), clean.text()).charAt(0) + minHasher.signature(clean.text()).size();
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 70) + "…";
    }
}
