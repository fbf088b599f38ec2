package org.newsdesk.query.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcronymMatcherTest {

    @Test
    void cstoAbbreviatesBothSpellingsOfItsFullName() {
        assertThat(AcronymMatcher.matches("CSTO", "Collective Security Treaty Organisation")).isTrue();
        assertThat(AcronymMatcher.matches("Collective Security Treaty Organization", "CSTO")).isTrue();
    }

    @Test
    void cstoIsNotTheCommonwealthOfIndependentStates() {
        // the wrong link CoreNLP's entity linker made on the seeds
        assertThat(AcronymMatcher.matches("CSTO", "Commonwealth of Independent States")).isFalse();
        assertThat(AcronymMatcher.matches("CIS", "Commonwealth of Independent States")).isTrue();
    }

    @Test
    void functionWordsGiveNoLetter() {
        assertThat(AcronymMatcher.matches("NATO", "North Atlantic Treaty Organization")).isTrue();
        assertThat(AcronymMatcher.matches("OECD", "Organisation for Economic Co-operation and Development")).isTrue();
        assertThat(AcronymMatcher.matches("ATC", "Anti-Terrorism Centre")).isTrue();
        assertThat(AcronymMatcher.matches("OSCE", "Organization for Security and Co-operation in Europe")).isTrue();
    }

    @Test
    void dottedAcronymsMatchLikePlainOnes() {
        assertThat(AcronymMatcher.acronymKey("U.S.")).isEqualTo("US");
        assertThat(AcronymMatcher.matches("U.S.", "United States")).isTrue();
        assertThat(AcronymMatcher.matches("U.K.", "United Kingdom")).isTrue();
    }

    @Test
    void twoAcronymsOrTwoFullNamesNeverAbbreviateEachOther() {
        assertThat(AcronymMatcher.matches("CSTO", "CSTO")).isFalse();
        assertThat(AcronymMatcher.matches("Security Council", "State Council")).isFalse();
    }

    @Test
    void ordinaryWordsAreNotAcronyms() {
        assertThat(AcronymMatcher.isAcronym("Restrictions")).isFalse();
        assertThat(AcronymMatcher.isAcronym("Almaty")).isFalse();
        assertThat(AcronymMatcher.isAcronym("TASS")).isTrue();
        assertThat(AcronymMatcher.isAcronym("A")).isFalse();
    }
}
