package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.Annotation.EntityType;

/** Canonical entities on the seed articles and on small texts built to hit one rule each. */
class EntityCanonicalizerTest {

    private static CoreNlpPipeline pipeline;
    private static EntityCanonicalizer canonicalizer;

    @BeforeAll
    static void loadModels() {
        pipeline = SharedModels.pipeline();
        canonicalizer = new EntityCanonicalizer(SharedModels.gazetteer());
    }

    private static List<Annotation.Entity> entities(String text) {
        return canonicalizer.canonicalize(pipeline.process(text));
    }

    /** The one entity that has a mention with exactly this text; fails when two entities have one. */
    private static Optional<Annotation.Entity> entityMentioned(List<Annotation.Entity> entities, String mention) {
        List<Annotation.Entity> found = entities.stream()
                .filter(e -> e.mentions().stream().anyMatch(m -> m.text().equals(mention))).toList();
        assertThat(found).as("entities mentioned as '%s'", mention).hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    @Test
    void tokayevFullNameTitleAndSurnameAreOneEntityInEverySeed() {
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            String text = SeedArticles.text(seed);
            List<Annotation.Entity> entities = entities(text);
            List<Annotation.Entity> tokayevs = entities.stream()
                    .filter(e -> e.mentions().stream().anyMatch(m -> m.text().contains("Tokayev"))).toList();
            assertThat(tokayevs).as("Tokayev entities in seed %s", seed).hasSize(1);
            Annotation.Entity tokayev = tokayevs.get(0);
            assertThat(tokayev.type()).isEqualTo(EntityType.PERSON);
            assertThat(tokayev.name()).isEqualTo(seed.equals("004") ? "Kassym-Zhomart Tokayev" : "Kassym-Jomart Tokayev");
            assertThat(tokayev.mentions()).extracting(Annotation.Mention::text).contains("Tokayev");
            // "President Tokayev" is a mention of the same entity, with the title stripped.
            int president = text.indexOf("President Tokayev");
            if (president >= 0) {
                int surname = president + "President ".length();
                assertThat(tokayev.mentions()).anySatisfy(m -> assertThat(m.start()).isEqualTo(surname));
            }
        }
    }

    @Test
    void mentionOffsetsIndexTheTextAndIdsFollowFirstMention() {
        String text = SeedArticles.text("002");
        List<Annotation.Entity> entities = entities(text);
        int previousFirst = -1;
        for (int i = 0; i < entities.size(); i++) {
            Annotation.Entity e = entities.get(i);
            assertThat(e.id()).isEqualTo("e" + (i + 1));
            for (Annotation.Mention m : e.mentions()) {
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
            }
            assertThat(e.mentions().get(0).start()).isGreaterThan(previousFirst);
            previousFirst = e.mentions().get(0).start();
        }
    }

    @Test
    void cstoAcronymJoinsItsExpansionInSeed004() {
        List<Annotation.Entity> entities = entities(SeedArticles.text("004"));
        Annotation.Entity csto = entityMentioned(entities, "CSTO").orElseThrow();
        assertThat(csto.name()).isEqualTo("Collective Security Treaty Organisation");
        assertThat(csto.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(csto.mentions()).extracting(Annotation.Mention::text)
                .contains("CSTO", "Collective Security Treaty Organisation");
    }

    @Test
    void acronymDefinedInBracketsJoinsEvenWithoutMatchingInitials() {
        String text = "Officers of the Federal Security Service (FSB) detained him on Monday. The FSB said he had confessed.";
        Annotation.Entity fsb = entityMentioned(entities(text), "FSB").orElseThrow();
        assertThat(fsb.name()).isEqualTo("Federal Security Service");
        assertThat(fsb.mentions()).extracting(Annotation.Mention::text)
                .containsExactly("Federal Security Service", "FSB", "FSB");
    }

    @Test
    void noPronounIsEverAnEntity() {
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            assertThat(entities(SeedArticles.text(seed)))
                    .flatExtracting(Annotation.Entity::mentions)
                    .extracting(Annotation.Mention::text)
                    .as("mentions in seed %s", seed)
                    .noneMatch(SpeechCues::isPronoun);
        }
    }

    @Test
    void titlesPossessivesAndBareTitlesAreStripped() {
        List<Annotation.Entity> entities = entities(SeedArticles.text("001"));
        assertThat(entities).extracting(Annotation.Entity::name)
                .doesNotContain("Head of State", "State", "Head of the State")
                .contains("Nikol Pashinyan", "Kassym-Jomart Tokayev");
        Annotation.Entity pashinyan = entityMentioned(entities, "Pashinyan").orElseThrow();
        assertThat(pashinyan.name()).isEqualTo("Nikol Pashinyan");
        assertThat(entities).flatExtracting(Annotation.Entity::mentions).extracting(Annotation.Mention::text)
                .noneMatch(t -> t.startsWith("Mr.") || t.endsWith("'s") || t.endsWith("’s"));
    }

    @Test
    void formalCountryNameJoinsTheShortOne() {
        Annotation.Entity kazakhstan = entityMentioned(entities(SeedArticles.text("001")), "Kazakhstan").orElseThrow();
        assertThat(kazakhstan.mentions()).extracting(Annotation.Mention::text).contains("Republic of Kazakhstan");
        assertThat(kazakhstan.subtype()).isEqualTo("COUNTRY");
    }

    @Test
    void capitalisedCommonWordsAndHeadlineOnlyNamesAreDropped() {
        List<Annotation.Entity> entities = entities(SeedArticles.text("003"));
        assertThat(entities).extracting(Annotation.Entity::name)
                .doesNotContain("Law")
                .noneMatch(n -> n.startsWith("Kazakh President Calls"))
                .contains("Zhandos Umiraliyev", "Zhanbolat Mamay");
    }

    @Test
    void bylineDateIsNotPartOfTheAuthorsName() {
        assertThat(entities("By Aybulat Musaev October 26, 2022\n\nThe president spoke in Almaty."))
                .extracting(Annotation.Entity::name).contains("Aybulat Musaev").doesNotContain("Aybulat Musaev October");
    }

    @Test
    void subtypesComeFromTheGazetteerWhereKnown() {
        List<Annotation.Entity> entities = entities(SeedArticles.text("004"));
        assertThat(entityMentioned(entities, "Almaty").orElseThrow().subtype()).isEqualTo("CITY");
        assertThat(entityMentioned(entities, "Kazakh").orElseThrow().subtype()).isEqualTo("NATIONALITY");
        assertThat(entityMentioned(entities, "Kassym-Zhomart Tokayev").orElseThrow().subtype()).isNull();
    }

    @Test
    void surnameSharedByTwoPeopleJoinsTheOneNamedLast() {
        String text = "Bill Clinton arrived first. Hillary Clinton followed an hour later. Clinton then thanked the crowd.";
        List<Annotation.Entity> entities = entities(text);
        Annotation.Entity clinton = entityMentioned(entities, "Clinton").orElseThrow();
        assertThat(clinton.name()).isEqualTo("Hillary Clinton");
        assertThat(entityMentioned(entities, "Bill Clinton").orElseThrow().mentions()).hasSize(1);
    }

    @Test
    void allCapsPhotoCreditIsDropped() {
        String text = "Protesters gathered in Almaty on Wednesday.\nPhoto: REUTERS/Pavel Mikheyev\n\nThe police arrived.";
        assertThat(entities(text)).extracting(Annotation.Entity::name).doesNotContain("REUTERS").contains("Almaty");
    }
}
