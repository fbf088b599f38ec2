package org.newsdesk.query.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation.EntityType;

class EntityNameKeyTest {

    private static EntityNameKey person(String name) {
        return EntityNameKey.of(name, EntityType.PERSON);
    }

    private static EntityNameKey org(String name) {
        return EntityNameKey.of(name, EntityType.ORGANIZATION);
    }

    @Test
    void tokayevSpellingsShareOneTransliterationKeyButNotOneName() {
        EntityNameKey jomart = person("Kassym-Jomart Tokayev");
        EntityNameKey zhomart = person("Kassym-Zhomart Tokayev");
        EntityNameKey tokaev = person("Kasym-Zhomart Tokaev");
        EntityNameKey cyrillic = person("Касым-Жомарт Токаев");

        assertThat(jomart.key()).isNotEqualTo(zhomart.key()).isNotEqualTo(tokaev.key());
        assertThat(zhomart.translitKey()).isEqualTo(jomart.translitKey());
        assertThat(tokaev.translitKey()).isEqualTo(jomart.translitKey());
        assertThat(cyrillic.translitKey()).isEqualTo(jomart.translitKey());
        assertThat(jomart.surnameKey()).isEqualTo(person("Tokaev").surnameKey()).isEqualTo(person("Токаев").surnameKey());
    }

    @Test
    void titlesNationalityAndPossessiveAreStrippedFromSeedMentions() {
        assertThat(person("Kazakhstan's President Kassym-Jomart Tokayev").display()).isEqualTo("Kassym-Jomart Tokayev");
        assertThat(person("Russian President Vladimir Putin's").display()).isEqualTo("Vladimir Putin");
        assertThat(person("Kazakh President Nazarbayev").display()).isEqualTo("Nazarbayev");
        assertThat(person("Nursultan Nazarbayev’s").display()).isEqualTo("Nursultan Nazarbayev");
        assertThat(person("Prime Minister Askar Mamin").display()).isEqualTo("Askar Mamin");
        assertThat(person("Defense Minister Ruslan Zhaksylykov").display()).isEqualTo("Ruslan Zhaksylykov");
        assertThat(person("Mr. Pashinyan").display()).isEqualTo("Pashinyan");
        assertThat(person("President Tokayev").key()).isEqualTo(person("Tokayev").key()).isEqualTo("tokayev");
    }

    @Test
    void aBareTitleStaysANameRatherThanVanishing() {
        assertThat(person("King").key()).isEqualTo("king");
        assertThat(person("President").key()).isEqualTo("president");
        assertThat(person("Martin Luther King Jr.").surnameKey()).isEqualTo("king");
    }

    @Test
    void titlesAreNotStrippedFromOrganisationNames() {
        assertThat(org("General Motors").key()).isEqualTo("general motors");
        assertThat(org("President's Office").key()).isEqualTo("presidents office");
    }

    @Test
    void caseDiacriticsHyphensAndPunctuationAreFolded() {
        assertThat(person("Łukasz Kamiński").key()).isEqualTo("lukasz kaminski");
        assertThat(person("ZHAKSYLYKOV").key()).isEqualTo("zhaksylykov");
        assertThat(EntityNameKey.of("Straße", EntityType.LOCATION).key()).isEqualTo("strasse");
        assertThat(EntityNameKey.of("Ürümchi", EntityType.LOCATION).key()).isEqualTo("urumchi");
        assertThat(EntityNameKey.of("Nur-Sultan", EntityType.LOCATION).key())
                .isEqualTo(EntityNameKey.of("Nur Sultan", EntityType.LOCATION).key());
        assertThat(person("Kassym–Jomart  Tokayev").key()).isEqualTo(person("Kassym-Jomart Tokayev").key());
    }

    @Test
    void dottedAndUndottedAcronymsAreOneName() {
        EntityNameKey dotted = EntityNameKey.of("U.S.", EntityType.LOCATION);
        EntityNameKey plain = EntityNameKey.of("US", EntityType.LOCATION);
        assertThat(dotted.key()).isEqualTo(plain.key());
        assertThat(dotted.acronym()).isTrue();
        assertThat(dotted.acronymKey()).isEqualTo("US");
        assertThat(org("the CSTO").key()).isEqualTo(org("CSTO").key());
        assertThat(org("the CSTO").acronymKey()).isEqualTo("CSTO");
    }

    @Test
    void fullOrganisationNameCarriesItsInitialsAndSpellingVariantsShareAKey() {
        EntityNameKey british = org("Collective Security Treaty Organisation");
        EntityNameKey american = org("Collective Security Treaty Organization");
        assertThat(british.acronym()).isFalse();
        assertThat(british.acronymKey()).isEqualTo("CSTO").isEqualTo(american.acronymKey());
        assertThat(british.key()).isNotEqualTo(american.key());
        assertThat(british.translitKey()).isEqualTo(american.translitKey());
    }

    @Test
    void trailingParenthesisedAcronymIsNotPartOfTheName() {
        assertThat(org("Collective Security Treaty Organisation (CSTO)").key())
                .isEqualTo("collective security treaty organisation");
    }

    @Test
    void personsHaveNoAcronymKeyAndSingleWordsNoInitials() {
        assertThat(person("Vladimir Putin").acronymKey()).isNull();
        assertThat(org("Akorda").acronymKey()).isNull();
        assertThat(org("Akorda").surnameKey()).isNull();
    }
}
