package org.newsdesk.ingest.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Computes MinHash signatures over word shingles (default: 5 consecutive normalised words, 128 hash functions),
 * so that near-duplicate articles (a copy with a sentence edited) can be found without comparing texts.
 * <p>
 * The hash functions come from a fixed seed, so a signature computed today is comparable with one stored last
 * year; changing {@link #SEED}, the shingle size, the word normalisation or the hash mixing invalidates every
 * stored signature and must come with a re-computation. Stateless after construction and thread-safe.
 */
public final class MinHasher {

    public static final int DEFAULT_SHINGLE_WORDS = 5;
    public static final int DEFAULT_HASHES = 128;
    /** Fixed on purpose: stored signatures depend on it. */
    public static final long SEED = 0x6E65777364657331L;

    private final int shingleWords;
    private final long[] multipliers;
    private final long[] addends;

    public MinHasher() {
        this(DEFAULT_SHINGLE_WORDS, DEFAULT_HASHES);
    }

    public MinHasher(int shingleWords, int hashes) {
        if (shingleWords < 1 || hashes < 1) {
            throw new IllegalArgumentException("shingle size and hash count must be positive");
        }
        this.shingleWords = shingleWords;
        this.multipliers = new long[hashes];
        this.addends = new long[hashes];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < hashes; i++) {
            multipliers[i] = random.nextLong() | 1L;
            addends[i] = random.nextLong();
        }
    }

    public int shingleWords() {
        return shingleWords;
    }

    public int hashes() {
        return multipliers.length;
    }

    /** The signature of a text; texts shorter than one shingle are one shingle of all their words. */
    public MinHashSignature signature(String text) {
        long[] words = wordHashes(text);
        int hashes = multipliers.length;
        long[] minima = new long[hashes];
        Arrays.fill(minima, Long.MAX_VALUE);
        int shingles = Math.max(1, words.length - shingleWords + 1);
        int width = Math.min(shingleWords, words.length);
        for (int s = 0; s < shingles; s++) {
            long shingle = 0x243F6A8885A308D3L;
            for (int w = 0; w < width; w++) {
                shingle = (shingle ^ words[s + w]) * 0x100000001B3L;
            }
            long x = mix(shingle);
            for (int i = 0; i < hashes; i++) {
                long value = (multipliers[i] * x + addends[i]) >>> 32;
                if (value < minima[i]) {
                    minima[i] = value;
                }
            }
        }
        int[] values = new int[hashes];
        for (int i = 0; i < hashes; i++) {
            values[i] = (int) minima[i];
        }
        return MinHashSignature.wrap(values);
    }

    private static long[] wordHashes(String text) {
        long[][] out = {new long[256]};
        int[] count = {0};
        NormalisedWords.forEach(text, (buffer, length) -> {
            long h = 0xCBF29CE484222325L;
            for (int i = 0; i < length; i++) {
                h = (h ^ buffer[i]) * 0x100000001B3L;
            }
            if (count[0] == out[0].length) {
                out[0] = Arrays.copyOf(out[0], out[0].length * 2);
            }
            out[0][count[0]++] = h;
        });
        return Arrays.copyOf(out[0], count[0]);
    }

    /** SplitMix64's finaliser: spreads the FNV shingle hash over all 64 bits before the linear hash functions. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
