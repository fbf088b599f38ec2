package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.Annotation.Fact;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

class NumericFactExtractorTest {

    private static StanfordCoreNLP pipeline;
    private static NumericFactExtractor extractor;

    @BeforeAll
    static void load() {
        pipeline = SeedArticles.fastPipeline();
        extractor = new NumericFactExtractor();
    }

    /** Facts of a text, with the NER mentions passed as entities the way the article annotator does. */
    private static List<Fact> facts(String text) {
        CoreDocument doc = SeedArticles.annotate(pipeline, text);
        List<Annotation.Entity> entities = new ArrayList<>();
        for (CoreEntityMention m : doc.entityMentions()) {
            if (List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC").contains(m.entityType())) {
                entities.add(new Annotation.Entity("e" + entities.size(), m.text(),
                        Annotation.EntityType.valueOf(m.entityType()), null,
                        List.of(new Annotation.Mention(m.charOffsets().first(), m.charOffsets().second(), m.text()))));
            }
        }
        return extractor.find(doc, entities);
    }

    private static List<Fact> overlapping(List<Fact> facts, String text, String phrase) {
        int at = text.indexOf(phrase);
        assertThat(at).as("the text holds \"%s\"", phrase).isNotNegative();
        return facts.stream().filter(f -> f.start() < at + phrase.length() && f.end() > at).toList();
    }

    @Test
    void casualtyFiguresOfSeed002AreBoundToTheirEvents() {
        List<Fact> facts = facts(SeedArticles.text("002"));
        assertThat(facts).extracting(Fact::kind, Fact::quantity, Fact::qualifier, Fact::subject).contains(
                tuple("killed", 18.0, null, "police officers"),
                tuple("wounded", 748.0, null, "police officers"),
                tuple("arrested", 3000.0, "more than", "demonstrators"),
                tuple("arrested", 2000.0, "thousands", "demonstrators"),
                tuple("killed", 24.0, "dozens", null),
                tuple("wounded", 200.0, "hundreds", null),
                tuple("killed", 40.0, "scores", "demonstrators"),
                tuple("killed", 26.0, null, "armed criminals"),
                tuple("percentage", 98.0, null, "vote"));
        assertThat(facts).filteredOn(f -> f.text().equals("18") && f.kind().equals("wounded")).hasSize(1);
    }

    @Test
    void numbersInNamesAndDatesAreNotFacts() {
        String text = SeedArticles.text("002");
        List<Fact> facts = facts(text);
        assertThat(overlapping(facts, text, "Khabar 24")).isEmpty();
        assertThat(overlapping(facts, text, "as of January 7")).isEmpty();
        assertThat(overlapping(facts, text, "March 2019")).isEmpty();
        assertThat(overlapping(facts, text, "in 1991")).isEmpty();
        assertThat(overlapping(facts, text, "three decades")).isEmpty();

        String seed001 = SeedArticles.text("001");
        List<Fact> facts001 = facts(seed001);
        assertThat(overlapping(facts001, seed001, "Article 4")).isEmpty();
        assertThat(overlapping(facts001, seed001, "May 15, 1992")).isEmpty();
        assertThat(facts001).extracting(Fact::kind, Fact::quantity, Fact::qualifier, Fact::subject)
                .containsExactly(tuple("count", 5.0, "about", "aircraft"));
    }

    @Test
    void deathToll003CountsOverTwoHundredTwentyPeople() {
        String text = SeedArticles.text("003");
        List<Fact> facts = facts(text);
        assertThat(facts).extracting(Fact::kind, Fact::quantity, Fact::qualifier, Fact::subject, Fact::text)
                .containsExactly(tuple("killed", 220.0, "over", "people", "over 220 people"));
        assertThat(overlapping(facts, text, "up to 25 days")).isEmpty();
        assertThat(overlapping(facts, text, "October 24-25")).isEmpty();
        assertThat(overlapping(facts, text, "January 2-9, 2022")).isEmpty();
    }

    @Test
    void gasPriceRangeInTengeAndEuroIsAPrice() {
        List<Fact> facts = facts(SeedArticles.body("004"));
        assertThat(facts).extracting(Fact::kind, Fact::quantity, Fact::qualifier, Fact::unit, Fact::text, Fact::subject)
                .containsExactly(
                        tuple("price", 60.0, "range", "KZT", "60 to 120 tenge", "liquefied gas"),
                        tuple("price", 0.12, "range", "EUR", "€0.12 - €0.24", null));
    }

    @Test
    void bbcMoneyAndPercentagesCarryUnitsAndMultipliers() {
        String sentence = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three "
                + "months to December, from $639m year-earlier.";
        List<Fact> facts = facts(sentence);
        assertThat(facts).extracting(Fact::kind, Fact::quantity, Fact::unit, Fact::text).containsExactly(
                tuple("percentage", 76.0, "%", "76%"),
                tuple("money", 1.13e9, "USD", "$1.13bn"),
                tuple("money", 6.0e8, "GBP", "£600m"),
                tuple("money", 6.39e8, "USD", "$639m"));
        assertThat(facts.get(0).subject()).isEqualTo("Quarterly profits");
    }

    @Test
    void activeSubjectOfAKillingIsTheAgentNotTheVictim() {
        List<Fact> facts = facts(
                "Thirty soldiers killed five rebels near the border, and 40 villagers were evacuated.");
        assertThat(facts).extracting(Fact::kind, Fact::quantity, Fact::subject).containsExactly(
                tuple("count", 30.0, "soldiers"),
                tuple("killed", 5.0, "rebels"),
                tuple("evacuated", 40.0, "villagers"));
    }

    @Test
    void factsDoNotNeedPosTagsFromThePipeline() {
        String text = "More than 3,000 demonstrators have been arrested, according to state broadcaster Khabar 24.";
        CoreDocument doc = SeedArticles.annotate(pipeline, text);
        for (edu.stanford.nlp.ling.CoreLabel token : doc.tokens()) {
            token.remove(edu.stanford.nlp.ling.CoreAnnotations.PartOfSpeechAnnotation.class);
            token.remove(edu.stanford.nlp.ling.CoreAnnotations.LemmaAnnotation.class);
        }
        assertThat(extractor.find(doc, List.of())).extracting(Fact::kind, Fact::quantity, Fact::subject)
                .containsExactly(tuple("arrested", 3000.0, "demonstrators"));
        assertThat(doc.tokens()).allMatch(t -> t.tag() == null); // the shared document stays untouched
    }

    @Test
    void offsetsPointAtTheFactText() {
        String text = SeedArticles.text("002");
        for (Fact f : facts(text)) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
        }
    }

    /**
     * The parse runs only where a fact can come out: a sentence whose numbers are all dates, years or identifiers is
     * skipped, and skipping it loses nothing, because the extractor drops those numbers anyway.
     */
    @Test
    void onlySentencesWithANumberThatCanBeAFactAreParsed() {
        String text = """
                The talks began on January 10, 2022 and ended in 2023.

                The court cited Article 4 of the constitution on Wednesday.

                Police detained 12 protesters in Almaty.

                Prices rose 15 percent in 2022.""";
        CoreDocument doc = SeedArticles.annotate(pipeline, text);
        List<Annotation.Mention> names = doc.entityMentions().stream()
                .filter(m -> List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC").contains(m.entityType()))
                .map(m -> new Annotation.Mention(m.charOffsets().first(), m.charOffsets().second(), m.text()))
                .toList();
        assertThat(doc.sentences()).extracting(s -> !NumericFactExtractor.factCandidates(s.tokens(), names).isEmpty())
                .containsExactly(false, false, true, true);
        assertThat(facts(text)).extracting(Fact::text).containsExactlyInAnyOrder("12 protesters", "15 percent");
    }
}
