package org.newsdesk.query.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.contracts.Annotation.EntityType.LOCATION;
import static org.newsdesk.contracts.Annotation.EntityType.MISC;
import static org.newsdesk.contracts.Annotation.EntityType.ORGANIZATION;
import static org.newsdesk.contracts.Annotation.EntityType.PERSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.query.resolution.Resolution.Outcome;

/**
 * Entity resolution over the mention forms the seed articles really contain (each form is checked
 * against the seed text), replayed in publication order through an in-memory registry.
 */
class EntityResolverTest {

    private InMemoryEntityRegistry registry;

    @BeforeEach
    void newRegistry() {
        registry = new InMemoryEntityRegistry();
    }

    /** The mention texts, each asserted to occur in the seed article whose file name starts with {@code prefix}. */
    private static String[] seedMentions(String prefix, String... forms) {
        String text = seed(prefix);
        for (String form : forms) {
            assertThat(text).as("seed %s", prefix).contains(form);
        }
        return forms;
    }

    private static String seed(String prefix) {
        Path seeds = Path.of("..", "seeds");
        try (Stream<Path> files = Files.list(seeds)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void tokayevSpellingsAcrossTheSeedArticlesBecomeOneEntity() {
        long tokayev = registry.entityOf("Kassym-Jomart Tokayev", PERSON,
                seedMentions("000", "Kassym-Jomart Tokayev", "Kazakhstan's President Kassym-Jomart Tokayev", "Tokayev"));

        Resolution fromSeed001 = registry.index("Kassym-Jomart Tokayev", PERSON,
                seedMentions("001", "President Tokayev", "President Kassym-Jomart Tokayev", "Head of the State"));
        Resolution fromSeed002 = registry.index("Tokayev", PERSON,
                seedMentions("002", "Kazakh counterpart Kassym-Jomart Tokayev", "President Tokayev", "Tokayev’s"));
        Resolution fromSeed004 = registry.index("Kassym-Zhomart Tokayev", PERSON,
                seedMentions("004", "Kazakh President Kassym-Zhomart Tokayev", "President Tokayev", "Tokayev"));
        Resolution otherRomanisation = registry.index("Kasym-Zhomart Tokaev", PERSON, "Kasym-Zhomart Tokaev");
        Resolution cyrillic = registry.index("Токаев", PERSON, "Президент Токаев");

        assertThat(fromSeed001.entityId()).isEqualTo(tokayev);
        assertThat(fromSeed001.reason()).isEqualTo(MatchReason.SAME_NAME);
        assertThat(fromSeed002.entityId()).isEqualTo(tokayev);
        assertThat(fromSeed004.entityId()).isEqualTo(tokayev);
        assertThat(fromSeed004.reason()).isEqualTo(MatchReason.TRANSLITERATION);
        assertThat(otherRomanisation.entityId()).isEqualTo(tokayev);
        assertThat(otherRomanisation.reason()).isEqualTo(MatchReason.TRANSLITERATION);
        assertThat(cyrillic.entityId()).isEqualTo(tokayev);
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void articleNamingAPersonBySurnameIsMatchedByTheFullNameAmongItsMentions() {
        long tokayev = registry.entityOf("Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev");

        Resolution resolution = registry.index("Tokayev", PERSON,
                seedMentions("002", "Tokayev", "Kassym-Jomart Tokayev"));

        assertThat(resolution.name().display()).isEqualTo("Kassym-Jomart Tokayev");
        assertThat(resolution.entityId()).isEqualTo(tokayev);
        assertThat(resolution.reason()).isEqualTo(MatchReason.SAME_NAME);
    }

    @Test
    void roleDescriptionsAreNotRecordedAsAliases() {
        Resolution resolution = registry.index("Kassym-Jomart Tokayev", PERSON,
                seedMentions("001", "President Kassym-Jomart Tokayev", "President Tokayev", "Head of the State",
                        "the Chairman of the Security Council"));

        assertThat(resolution.aliases()).extracting(EntityNameKey::display)
                .containsExactly("Kassym-Jomart Tokayev", "Tokayev");
        // so another head of state is not pulled into Tokayev
        assertThat(registry.index("Head of the State", PERSON).outcome()).isEqualTo(Outcome.CREATE);
    }

    @Test
    void surnameAloneJoinsTheOnlyPersonWithThatSurname() {
        long pashinyan = registry.entityOf("Nikol Pashinyan", PERSON,
                seedMentions("001", "Prime Minister of Armenia Nikol Pashinyan"));

        Resolution resolution = registry.index("Pashinyan", PERSON, seedMentions("001", "Mr. Pashinyan"));

        assertThat(resolution.entityId()).isEqualTo(pashinyan);
        assertThat(resolution.reason()).isEqualTo(MatchReason.SURNAME_UNIQUE);
    }

    @Test
    void fullNameArrivingAfterTheSurnameAloneJoinsAndNamesThatEntity() {
        long nazarbayev = registry.entityOf("Nazarbayev", PERSON,
                seedMentions("002", "Kazakh President Nazarbayev", "Nazarbayev"));

        Resolution resolution = registry.index("Nursultan Nazarbayev", PERSON,
                seedMentions("002", "Nursultan Nazarbayev’s"));

        assertThat(resolution.entityId()).isEqualTo(nazarbayev);
        assertThat(resolution.reason()).isEqualTo(MatchReason.SURNAME_UNIQUE);
        assertThat(resolution.adoptName()).isTrue();
        assertThat(registry.entity(nazarbayev).name.display()).isEqualTo("Nursultan Nazarbayev");
    }

    @Test
    void surnameSharedByTwoPeopleNeverMergesWithEither() {
        long son = registry.entityOf("George W. Bush", PERSON, "George W. Bush");
        long father = registry.entityOf("George H. W. Bush", PERSON, "George H. W. Bush");

        Resolution bare = registry.index("Bush", PERSON, "President Bush");
        Resolution again = registry.index("Bush", PERSON, "Mr Bush");

        assertThat(father).isNotEqualTo(son);
        assertThat(bare.outcome()).isEqualTo(Outcome.CREATE);
        assertThat(again.entityId()).isEqualTo(bare.entityId());
        assertThat(again.reason()).isEqualTo(MatchReason.SAME_NAME);
    }

    @Test
    void differentGivenNameWithTheSameSurnameIsAnotherPerson() {
        long tokayev = registry.entityOf("Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev");

        Resolution other = registry.index("Marat Tokayev", PERSON, "Marat Tokayev");
        Resolution initial = registry.index("K. Tokayev", PERSON, "K. Tokayev");
        Resolution bare = registry.index("Tokayev", PERSON, "Tokayev");

        assertThat(other.outcome()).isEqualTo(Outcome.CREATE);
        assertThat(initial.entityId()).isEqualTo(tokayev);
        assertThat(initial.reason()).isEqualTo(MatchReason.SURNAME_UNIQUE);
        assertThat(bare.entityId()).as("'Tokayev' now fits two people").isNotIn(tokayev, other.entityId());
    }

    @Test
    void cstoAndCollectiveSecurityTreatyOrganisationBecomeOneEntity() {
        long csto = registry.entityOf("CSTO", ORGANIZATION, seedMentions("001", "CSTO", "The CSTO"));

        Resolution fullName = registry.index("Collective Security Treaty Organisation", ORGANIZATION,
                seedMentions("004", "Collective Security Treaty Organisation"));
        Resolution americanSpelling = registry.index("Collective Security Treaty Organization", ORGANIZATION,
                "Collective Security Treaty Organization");
        Resolution commonwealth = registry.index("Commonwealth of Independent States", ORGANIZATION,
                "Commonwealth of Independent States");

        assertThat(fullName.entityId()).isEqualTo(csto);
        assertThat(fullName.reason()).isEqualTo(MatchReason.ACRONYM);
        assertThat(americanSpelling.entityId()).isEqualTo(csto);
        assertThat(commonwealth.outcome()).isEqualTo(Outcome.CREATE);
    }

    @Test
    void fullNameFirstThenAcronymJoinsToo() {
        long csto = registry.entityOf("Collective Security Treaty Organisation", ORGANIZATION,
                seedMentions("004", "Collective Security Treaty Organisation", "CSTO"));

        Resolution acronym = registry.index("CSTO", ORGANIZATION, seedMentions("000", "CSTO"));

        assertThat(acronym.entityId()).isEqualTo(csto);
        assertThat(acronym.reason()).isIn(MatchReason.ALIAS, MatchReason.ACRONYM);
    }

    @Test
    void acronymWithTwoPossibleExpansionsStaysSeparate() {
        registry.entityOf("Commonwealth of Independent States", ORGANIZATION, "Commonwealth of Independent States");
        registry.entityOf("Center for Internet Security", ORGANIZATION, "Center for Internet Security");

        assertThat(registry.index("CIS", ORGANIZATION, "CIS").outcome()).isEqualTo(Outcome.CREATE);
    }

    @Test
    void fullNameDoesNotJoinAnAcronymThatAlreadyStandsForAnotherName() {
        long commonwealth = registry.entityOf("CIS", ORGANIZATION, "CIS");
        registry.index("Commonwealth of Independent States", ORGANIZATION, "Commonwealth of Independent States");

        Resolution other = registry.index("Center for Internet Security", ORGANIZATION, "Center for Internet Security");

        assertThat(other.outcome()).isEqualTo(Outcome.CREATE);
        assertThat(other.entityId()).isNotEqualTo(commonwealth);
    }

    @Test
    void dottedAcronymIsTheSameEntity() {
        long us = registry.entityOf("US", LOCATION, "US");

        Resolution dotted = registry.index("U.S.", LOCATION, "U.S.");
        Resolution expanded = registry.index("United States", LOCATION, "the United States");

        assertThat(dotted.entityId()).isEqualTo(us);
        assertThat(dotted.reason()).isEqualTo(MatchReason.SAME_NAME);
        assertThat(expanded.entityId()).isEqualTo(us);
        assertThat(expanded.reason()).isEqualTo(MatchReason.ACRONYM);
    }

    @Test
    void sameNameOfAnotherTypeIsAnotherEntity() {
        long place = registry.entityOf("Washington", LOCATION, "Washington");
        Resolution person = registry.index("Washington", PERSON, "Washington");

        assertThat(person.outcome()).isEqualTo(Outcome.CREATE);
        assertThat(person.entityId()).isNotEqualTo(place);
    }

    @Test
    void blockedFalsePositiveNeverBecomesAnEntityAgainWhateverItsType() {
        long restrictions = registry.entityOf("Restrictions", MISC, seedMentions("004", "Restrictions"));
        registry.block(restrictions);

        assertThat(registry.index("Restrictions", MISC, "Restrictions").outcome()).isEqualTo(Outcome.DROP);
        assertThat(registry.index("Restrictions", ORGANIZATION, "Restrictions").outcome()).isEqualTo(Outcome.DROP);
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void splitAliasStaysWithItsNewEntityWhenTheArticleIsAnnotatedAgain() {
        long tokayev = registry.entityOf("Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev");
        assertThat(registry.entityOf("Kassym-Zhomart Tokayev", PERSON, "Kassym-Zhomart Tokayev")).isEqualTo(tokayev);

        long split = registry.split(tokayev, "Kassym-Zhomart Tokayev");
        Resolution reannotated = registry.index("Kassym-Zhomart Tokayev", PERSON,
                seedMentions("004", "Kazakh President Kassym-Zhomart Tokayev", "Tokayev"));
        Resolution original = registry.index("Kassym-Jomart Tokayev", PERSON,
                seedMentions("003", "President Kassym-Jomart Tokayev"));

        assertThat(reannotated.entityId()).isEqualTo(split);
        assertThat(reannotated.reason()).isEqualTo(MatchReason.ALIAS);
        assertThat(original.entityId()).isEqualTo(tokayev);
    }

    @Test
    void nameWithoutLettersIsDropped() {
        assertThat(registry.index("٠٠:٠٣:٤٠", MISC).outcome()).isEqualTo(Outcome.DROP);
        assertThat(registry.index("–", MISC).outcome()).isEqualTo(Outcome.DROP);
    }
}
