package org.newsdesk.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

    @Test
    void isTheSha256OfTheNormalisedWords() {
        // SHA-256("hello world"), the well-known test vector
        assertThat(ContentFingerprint.of("Hello,   World!"))
                .isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    }

    @Test
    void reEncodedQuotesCaseSpacingAndParagraphBreaksDoNotMatter() {
        String original = "Kazakhstan’s president said: “We will prevail.”\n\nThe CSTO agreed.";
        String reEncoded = "KAZAKHSTAN'S president said: \"We will  prevail.\" The CSTO agreed";
        String decomposed = "Kazakhstan’s president said: «We will prevail»\nThe CSTO agreed.";

        assertThat(ContentFingerprint.of(reEncoded)).isEqualTo(ContentFingerprint.of(original));
        assertThat(ContentFingerprint.of(decomposed)).isEqualTo(ContentFingerprint.of(original));
    }

    @Test
    void unicodeNormalisationAndDigitScriptsDoNotMatter() {
        String composed = "Ürümchi protests on ٥ January";
        String decomposed = "U\u0308ru\u0308mchi protests on 5 January";

        assertThat(ContentFingerprint.of(decomposed)).isEqualTo(ContentFingerprint.of(composed));
    }

    @Test
    void anyChangedWordChangesTheFingerprint() {
        String original = "A total of 18 police officers have been murdered and 748 have been wounded.";

        assertThat(ContentFingerprint.of(original.replace("748", "749"))).isNotEqualTo(ContentFingerprint.of(original));
        assertThat(ContentFingerprint.of(original.replace("murdered", "killed"))).isNotEqualTo(ContentFingerprint.of(original));
        assertThat(ContentFingerprint.of(original)).hasSize(64).matches("[0-9a-f]{64}");
    }
}
