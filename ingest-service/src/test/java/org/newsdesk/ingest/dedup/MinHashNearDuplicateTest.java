package org.newsdesk.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.TestData;
import org.newsdesk.ingest.TestData.BbcArticle;

/**
 * MinHash + LSH on real BBC text: lightly edited copies are found at the default 0.8 threshold, unrelated articles
 * are not. True Jaccard similarities are computed here independently (plain string shingle sets).
 */
class MinHashNearDuplicateTest {

    private static final String REPLACEMENT = "A spokesperson declined to comment on the figures when contacted by reporters on Tuesday evening.";

    private static List<BbcArticle> corpus;
    private static final MinHasher MIN_HASHER = new MinHasher();

    @BeforeAll
    static void loadCorpus() {
        assumeTrue(Files.exists(TestData.bbcCorpus()), "BBC corpus not found at " + TestData.bbcCorpus());
        corpus = TestData.bbcArticles();
    }

    /** The article with its third sentence replaced by an unrelated one. */
    static String withOneSentenceChanged(String text) {
        String[] sentences = text.split("(?<=[.!?])\\s+");
        sentences[Math.min(2, sentences.length - 1)] = REPLACEMENT;
        return String.join(" ", sentences);
    }

    static double trueJaccard(String a, String b) {
        Set<String> x = shingles(a);
        Set<String> y = shingles(b);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 1.0 : (double) x.size() / union.size();
    }

    private static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", "").trim().split("\\s+");
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + 5 <= words.length; i++) {
            shingles.add(String.join(" ", List.of(words).subList(i, i + 5)));
        }
        return shingles;
    }

    @Test
    void lightlyEditedCopyOfABbcArticleIsFoundAtTheDefaultThreshold() {
        BbcArticle original = corpus.stream().filter(a -> a.id().equals("business-001")).findFirst().orElseThrow();
        String edited = withOneSentenceChanged(original.text());
        NearDuplicateIndex<String> index = new NearDuplicateIndex<>(MIN_HASHER.hashes());
        corpus.stream().limit(600).forEach(a -> index.add(a.id(), MIN_HASHER.signature(a.text())));

        Optional<NearDuplicateIndex.Match<String>> match = index.mostSimilar(MIN_HASHER.signature(edited));

        assertThat(edited).isNotEqualTo(original.text()).contains(REPLACEMENT);
        assertThat(match).isPresent();
        assertThat(match.get().id()).isEqualTo("business-001");
        assertThat(match.get().estimatedJaccard()).isGreaterThanOrEqualTo(0.8)
                .isCloseTo(trueJaccard(original.text(), edited), org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void editedCopiesAcrossTheCorpusAreFoundAndUnrelatedArticlesAreNot() {
        NearDuplicateIndex<Integer> index = new NearDuplicateIndex<>(MIN_HASHER.hashes());
        List<MinHashSignature> signatures = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            MinHashSignature signature = MIN_HASHER.signature(corpus.get(i).text());
            signatures.add(signature);
            index.add(i, signature);
        }

        // recall: every article with one sentence replaced, where the edit leaves a true Jaccard >= 0.8
        int eligible = 0;
        int found = 0;
        int eligibleClear = 0;
        int foundClear = 0;
        int notCandidate = 0;
        for (int i = 0; i < corpus.size(); i++) {
            String text = corpus.get(i).text();
            String edited = withOneSentenceChanged(text);
            double jaccard = trueJaccard(text, edited);
            if (jaccard < 0.8) {
                continue;
            }
            eligible++;
            eligibleClear += jaccard >= 0.85 ? 1 : 0;
            int id = i;
            MinHashSignature query = MIN_HASHER.signature(edited);
            if (index.findSimilar(query).stream().anyMatch(m -> m.id() == id)) {
                found++;
                foundClear += jaccard >= 0.85 ? 1 : 0;
            } else if (!index.candidates(query).contains(id)) {
                notCandidate++;
            }
        }

        // precision: every pair the index reports for an original article must really be that similar
        int reportedPairs = 0;
        int unrelatedReported = 0;
        double lowestTrueJaccard = 1;
        for (int i = 0; i < corpus.size(); i++) {
            for (NearDuplicateIndex.Match<Integer> match : index.findSimilar(signatures.get(i))) {
                if (match.id() <= i) {
                    continue;
                }
                reportedPairs++;
                double jaccard = trueJaccard(corpus.get(i).text(), corpus.get(match.id()).text());
                lowestTrueJaccard = Math.min(lowestTrueJaccard, jaccard);
                if (jaccard < 0.6) {
                    unrelatedReported++;
                }
            }
        }
        System.out.printf("MinHash/LSH on BBC (%d bands x %d rows): edited copies with true Jaccard >= 0.8 found %d/%d "
                + "(%d missed as no LSH candidate, the rest estimated below 0.8), with true Jaccard >= 0.85 found %d/%d; "
                + "pairs reported among originals %d, lowest true Jaccard among them %.3f, reported below 0.6: %d%n",
                index.bands(), index.rowsPerBand(), found, eligible, notCandidate, foundClear, eligibleClear,
                reportedPairs, lowestTrueJaccard, unrelatedReported);

        assertThat(eligibleClear).isGreaterThan(1000);
        assertThat((double) foundClear / eligibleClear).isGreaterThanOrEqualTo(0.98);
        assertThat((double) found / eligible).isGreaterThanOrEqualTo(0.9);
        assertThat(unrelatedReported).isZero();
        assertThat(reportedPairs).isGreaterThanOrEqualTo(98);
    }

    @Test
    void unrelatedBbcArticlesOnTheSameTopicAreFarBelowTheThreshold() {
        List<BbcArticle> politics = corpus.stream().filter(a -> a.topic().equals("politics")).limit(60).toList();
        double highest = 0;
        for (int i = 0; i < politics.size(); i++) {
            for (int j = i + 1; j < politics.size(); j++) {
                if (trueJaccard(politics.get(i).text(), politics.get(j).text()) > 0.5) {
                    continue; // a duplicate pair, not an unrelated one
                }
                highest = Math.max(highest, MIN_HASHER.signature(politics.get(i).text())
                        .estimateJaccard(MIN_HASHER.signature(politics.get(j).text())));
            }
        }
        assertThat(highest).isLessThan(0.3);
    }
}
