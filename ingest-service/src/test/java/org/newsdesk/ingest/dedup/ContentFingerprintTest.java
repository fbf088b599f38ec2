package org.newsdesk.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.cleaning.TextCleaner;

class ContentFingerprintTest {

    private final TextCleaner cleaner = new TextCleaner();

    private String fingerprint(String title, String rawText) {
        return ContentFingerprint.of(title, cleaner.clean(rawText).text());
    }

    @Test
    void isTheSha256OfTitleBlankLineAndCleanText() {
        // SHA-256("hello world"), the well-known test vector: empty title, then "\n\n", is not that
        assertThat(ContentFingerprint.canonicalForm("  Hello ", "world")).isEqualTo("Hello\n\nworld");
        assertThat(ContentFingerprint.of(null, "x")).isEqualTo(ContentFingerprint.of("", "x"));
        assertThat(ContentFingerprint.of("Hello", "world")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void layoutTheCleanerNormalisesDoesNotMatter() {
        String original = "Kazakhstan’s president said: “We will prevail.”\n\nThe CSTO agreed.";
        String reLaidOut = "  Kazakhstan’s  president said:\u00A0“We will prevail.”  \r\n\r\n\r\n\u200BThe CSTO agreed.\n";

        assertThat(fingerprint("Tokayev", reLaidOut)).isEqualTo(fingerprint("Tokayev", original));
    }

    @Test
    void unicodeCompositionDoesNotMatter() {
        String composed = "Ürümchi protests on 5 January";
        String decomposed = "U\u0308ru\u0308mchi protests on 5 January";

        assertThat(ContentFingerprint.of("Ü", decomposed)).isEqualTo(ContentFingerprint.of("U\u0308", composed));
    }

    @Test
    void copyEditsAreNotExactDuplicates() {
        String original = "Kazakhstan’s president said: “We will prevail.”\n\nThe CSTO agreed.";

        assertThat(fingerprint("T", original.replace("The CSTO", "the CSTO"))).as("case").isNotEqualTo(fingerprint("T", original));
        assertThat(fingerprint("T", original.replace("’", "'"))).as("quote mark").isNotEqualTo(fingerprint("T", original));
        assertThat(fingerprint("T", original.replace("agreed.", "agreed"))).as("punctuation").isNotEqualTo(fingerprint("T", original));
        assertThat(fingerprint("T", original.replace("\n\n", " "))).as("paragraph break").isNotEqualTo(fingerprint("T", original));
        assertThat(fingerprint("Another headline", original)).as("headline").isNotEqualTo(fingerprint("T", original));
    }

    @Test
    void anyChangedWordChangesTheFingerprint() {
        String original = "A total of 18 police officers have been murdered and 748 have been wounded.";

        assertThat(ContentFingerprint.of("t", original.replace("748", "749"))).isNotEqualTo(ContentFingerprint.of("t", original));
        assertThat(ContentFingerprint.of("t", original.replace("murdered", "killed"))).isNotEqualTo(ContentFingerprint.of("t", original));
    }

    @Test
    void anArticleWithoutLettersOrDigitsHasNoWords() {
        assertThat(ContentFingerprint.hasWords("... — !!")).isFalse();
        assertThat(ContentFingerprint.hasWords("٥ ...")).isTrue();
    }
}
