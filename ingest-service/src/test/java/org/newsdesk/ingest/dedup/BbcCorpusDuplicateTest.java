package org.newsdesk.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.TestData;
import org.newsdesk.ingest.TestData.BbcArticle;
import org.newsdesk.ingest.cleaning.TextCleaner;

/**
 * The BBC corpus keeps 98 articles whose title and text already appeared earlier in it; the fingerprint of the
 * clean article must find every one of them and merge nothing but copies.
 */
class BbcCorpusDuplicateTest {

    private static List<BbcArticle> corpus;

    @BeforeAll
    static void loadCorpus() {
        assumeTrue(Files.exists(TestData.bbcCorpus()), "BBC corpus not found at " + TestData.bbcCorpus());
        corpus = TestData.bbcArticles();
    }

    @Test
    void fingerprintFindsAll98ExactDuplicatesAndMergesOnlyCopyEdits() {
        TextCleaner cleaner = new TextCleaner();
        Set<List<String>> seenPairs = new HashSet<>();
        Map<String, BbcArticle> firstByFingerprint = new HashMap<>();
        List<String> truth = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        Map<String, BbcArticle> twinOf = new HashMap<>();
        for (BbcArticle article : corpus) {
            if (!seenPairs.add(List.of(article.title(), article.text()))) {
                truth.add(article.id());
            }
            String fingerprint = ContentFingerprint.of(cleaner.clean(article.title() + "\n\n" + article.text()).text());
            BbcArticle first = firstByFingerprint.putIfAbsent(fingerprint, article);
            if (first != null) {
                flagged.add(article.id());
                twinOf.put(article.id(), first);
            }
        }
        List<String> extra = flagged.stream().filter(id -> !truth.contains(id)).toList();
        System.out.printf("BBC exact duplicates: truth %d (distinct (title,text) pairs %d), fingerprint flagged %d, "
                + "missed %d, extra %d: %s%n", truth.size(), seenPairs.size(), flagged.size(),
                truth.stream().filter(id -> !flagged.contains(id)).count(), extra.size(),
                extra.stream().map(id -> id + "~" + twinOf.get(id).id() + " (" + differingWords(id, twinOf) + " words differ)").toList());

        assertThat(truth).hasSize(98);
        assertThat(flagged).containsAll(truth);
        // anything else merged must be the same article with a copy edit: same words, at most a few in another case
        // or with other punctuation (checked on the raw text, independently of the fingerprint's normalisation)
        assertThat(extra).allSatisfy(id -> assertThat(differingWords(id, twinOf)).isLessThanOrEqualTo(4));
    }

    private static int differingWords(String id, Map<String, BbcArticle> twinOf) {
        BbcArticle article = corpus.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        String[] a = (article.title() + " " + article.text()).split("\\s+");
        String[] b = (twinOf.get(id).title() + " " + twinOf.get(id).text()).split("\\s+");
        if (a.length != b.length) {
            return Integer.MAX_VALUE;
        }
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                differing++;
            }
        }
        return differing;
    }
}
