package org.newsdesk.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The exact-duplicate key of an article: SHA-256 (hex) of its clean text after NFC, lower-casing, dropping
 * punctuation and collapsing whitespace ({@code ArticleIngested.contentHash}).
 * <p>
 * Two texts that differ only in quote encoding, case, spacing or paragraph breaks get the same fingerprint; any
 * change of a word gives a different one. Near-duplicates (an edited sentence) are {@link MinHasher}'s job, never
 * this class's. The normalisation is part of the stored key: changing it means re-hashing every stored article.
 */
public final class ContentFingerprint {

    private static final HexFormat HEX = HexFormat.of();

    private ContentFingerprint() {
    }

    /** The 64-character lower-case hex fingerprint of the text. */
    public static String of(String cleanText) {
        String nfc = cleanText == null ? "" : Normalizer.normalize(cleanText, Normalizer.Form.NFC);
        return HEX.formatHex(sha256().digest(NormalisedWords.join(nfc).getBytes(StandardCharsets.UTF_8)));
    }

    /** The text exactly as it is hashed, for debugging a surprising match. */
    public static String normalisedForm(String cleanText) {
        return NormalisedWords.join(cleanText == null ? "" : Normalizer.normalize(cleanText, Normalizer.Form.NFC));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
