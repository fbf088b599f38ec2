package org.newsdesk.ingest.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Locality-sensitive hashing over MinHash signatures: finds the stored articles whose estimated Jaccard
 * similarity to a new one reaches a threshold (default 0.8) without comparing against every article.
 * <p>
 * A signature is cut into {@code bands} bands of {@code rows} values; each band becomes one 64-bit band key
 * ({@link #bandKeys}). Two articles are candidates when they share a band key, and a candidate is a match only
 * after its full signatures are compared. The band keys are the persistence format too: the service stores
 * (band_key, article_id) rows in Postgres with an index on band_key, looks candidates up with
 * {@code band_key = ANY(?)}, and can rebuild this in-memory index from stored signatures with {@link #add}.
 * Changing the band-key hash or the banding invalidates stored keys.
 * <p>
 * Memory: postings are primitive arrays (about 50 MB of keys and postings plus 0.5 KB per signature for 100k
 * articles with 16 bands); ids are kept once. Thread-safe (methods are synchronised; queries take microseconds).
 *
 * @param <K> the article id type
 */
public final class NearDuplicateIndex<K> {

    public static final double DEFAULT_THRESHOLD = 0.8;
    /** The banding is chosen so that a pair exactly at the threshold becomes a candidate at least this often. */
    static final double MIN_RECALL_AT_THRESHOLD = 0.9;

    /** A stored article similar to the query, with the estimated Jaccard similarity of the two. */
    public record Match<K>(K id, double estimatedJaccard) {
    }

    private final int hashes;
    private final int bands;
    private final int rows;
    private final double threshold;

    private final List<K> ids = new ArrayList<>();
    private final List<MinHashSignature> signatures = new ArrayList<>();

    // open-addressing map band key -> first posting (+1; 0 = empty slot), postings chained by index
    private long[] slotKeys = new long[1024];
    private int[] slotHeads = new int[1024];
    private int usedSlots;
    private int[] postingArticle = new int[1024];
    private int[] postingNext = new int[1024];
    private int postings;

    /** An index for signatures of the given size at the default threshold 0.8. */
    public NearDuplicateIndex(int signatureSize) {
        this(signatureSize, DEFAULT_THRESHOLD);
    }

    /** An index with the banding chosen for the threshold (see {@link #chooseBands}). */
    public NearDuplicateIndex(int signatureSize, double threshold) {
        this(signatureSize, threshold, chooseBands(signatureSize, threshold));
    }

    /** An index with explicit banding; {@code bands} must divide the signature size. */
    public NearDuplicateIndex(int signatureSize, double threshold, int bands) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("Jaccard threshold must be in (0, 1], got " + threshold);
        }
        if (bands < 1 || signatureSize % bands != 0) {
            throw new IllegalArgumentException(bands + " bands do not divide a signature of " + signatureSize);
        }
        this.hashes = signatureSize;
        this.bands = bands;
        this.rows = signatureSize / bands;
        this.threshold = threshold;
    }

    /**
     * The number of bands for a threshold: the fewest bands (longest bands, fewest false candidates) that still
     * make a pair at exactly the threshold a candidate with probability ≥ 0.9. For 128 hashes at 0.8 this is
     * 16 bands of 8 rows (probability 0.95 at 0.8, 0.9998 at 0.9, 0.06 at 0.5, 0.001 at 0.3).
     */
    public static int chooseBands(int signatureSize, double threshold) {
        for (int rows = signatureSize; rows >= 1; rows--) {
            if (signatureSize % rows != 0) {
                continue;
            }
            int bands = signatureSize / rows;
            if (candidateProbability(threshold, bands, rows) >= MIN_RECALL_AT_THRESHOLD) {
                return bands;
            }
        }
        return signatureSize;
    }

    /** Probability that two signatures with Jaccard {@code j} share at least one of {@code bands} bands. */
    public static double candidateProbability(double j, int bands, int rows) {
        return 1 - Math.pow(1 - Math.pow(j, rows), bands);
    }

    public int bands() {
        return bands;
    }

    public int rowsPerBand() {
        return rows;
    }

    public double threshold() {
        return threshold;
    }

    public synchronized int size() {
        return ids.size();
    }

    /** One 64-bit key per band, band index included, so equal values in different bands never collide. */
    public List<Long> bandKeys(MinHashSignature signature) {
        long[] keys = bandKeyArray(signature);
        List<Long> list = new ArrayList<>(keys.length);
        for (long key : keys) {
            list.add(key);
        }
        return list;
    }

    private long[] bandKeyArray(MinHashSignature signature) {
        if (signature.size() != hashes) {
            throw new IllegalArgumentException("signature has " + signature.size() + " values, index expects " + hashes);
        }
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = MinHasher.mix(0x5851F42D4C957F2DL + band);
            for (int row = 0; row < rows; row++) {
                h = MinHasher.mix(h ^ (signature.valueAt(band * rows + row) & 0xFFFFFFFFL));
            }
            keys[band] = h;
        }
        return keys;
    }

    /** Adds an article (new, or loaded from stored signatures when the service starts). Ids are not de-duplicated. */
    public synchronized void add(K id, MinHashSignature signature) {
        long[] keys = bandKeyArray(signature);
        int article = ids.size();
        ids.add(id);
        signatures.add(signature);
        for (long key : keys) {
            addPosting(key, article);
        }
    }

    /** Stored articles sharing at least one band with the signature, unverified. */
    public synchronized Set<K> candidates(MinHashSignature signature) {
        Set<K> result = new LinkedHashSet<>();
        for (int article : candidateArticles(signature)) {
            result.add(ids.get(article));
        }
        return result;
    }

    /** Stored articles whose estimated Jaccard similarity reaches the threshold, most similar first. */
    public synchronized List<Match<K>> findSimilar(MinHashSignature signature) {
        List<Match<K>> matches = new ArrayList<>();
        for (int article : candidateArticles(signature)) {
            double jaccard = signature.estimateJaccard(signatures.get(article));
            if (jaccard >= threshold) {
                matches.add(new Match<>(ids.get(article), jaccard));
            }
        }
        matches.sort(Comparator.comparingDouble((Match<K> m) -> m.estimatedJaccard()).reversed());
        return matches;
    }

    /** The most similar stored article at or above the threshold. */
    public Optional<Match<K>> mostSimilar(MinHashSignature signature) {
        List<Match<K>> matches = findSimilar(signature);
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }

    private int[] candidateArticles(MinHashSignature signature) {
        Set<Integer> seen = new LinkedHashSet<>();
        for (long key : bandKeyArray(signature)) {
            int slot = findSlot(key);
            for (int p = slotHeads[slot] - 1; p >= 0; p = postingNext[p]) {
                seen.add(postingArticle[p]);
            }
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    private void addPosting(long key, int article) {
        if ((usedSlots + 1) * 2 > slotKeys.length) {
            growTable();
        }
        if (postings == postingArticle.length) {
            postingArticle = Arrays.copyOf(postingArticle, postings * 2);
            postingNext = Arrays.copyOf(postingNext, postings * 2);
        }
        int slot = findSlot(key);
        if (slotHeads[slot] == 0) {
            slotKeys[slot] = key;
            usedSlots++;
        }
        postingArticle[postings] = article;
        postingNext[postings] = slotHeads[slot] - 1;
        slotHeads[slot] = postings + 1;
        postings++;
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int findSlot(long key) {
        int mask = slotKeys.length - 1;
        int slot = (int) MinHasher.mix(key) & mask;
        while (slotHeads[slot] != 0 && slotKeys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void growTable() {
        long[] oldKeys = slotKeys;
        int[] oldHeads = slotHeads;
        slotKeys = new long[oldKeys.length * 2];
        slotHeads = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int slot = findSlot(oldKeys[i]);
                slotKeys[slot] = oldKeys[i];
                slotHeads[slot] = oldHeads[i];
            }
        }
    }
}
