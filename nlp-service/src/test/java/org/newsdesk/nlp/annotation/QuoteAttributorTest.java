package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.pipeline.CoreDocument;

/** Speakers on texts built to exercise one attribution pattern each. */
class QuoteAttributorTest {

    private static CoreNlpPipeline pipeline;
    private static EntityCanonicalizer canonicalizer;
    private static QuoteAttributor attributor;
    private final QuoteExtractor extractor = new QuoteExtractor();

    @BeforeAll
    static void loadModels() {
        pipeline = SharedModels.pipeline();
        canonicalizer = new EntityCanonicalizer(SharedModels.gazetteer());
        attributor = new QuoteAttributor(SharedModels.gazetteer());
    }

    private List<Annotation.Quote> quotes(String text) {
        CoreDocument doc = pipeline.process(text);
        return attributor.attribute(doc, canonicalizer.canonicalize(doc), extractor.extract(text));
    }

    private static String speaker(Annotation.Quote q) {
        return q.speaker() == null ? null : q.speaker().name();
    }

    @Test
    void twoSpeakersInOneParagraphEachGetTheirOwnQuote() {
        List<Annotation.Quote> quotes = quotes("“We will win the vote,” said John Smith. “We will lose it,” Mary Jones replied.");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("John Smith", "Mary Jones");
        assertThat(quotes).extracting(Annotation.Quote::cue).containsExactly("said", "replied");
    }

    @Test
    void quoteBeforeAndAfterTheCueBothBelongToTheSpeaker() {
        List<Annotation.Quote> quotes = quotes("Finance minister Jane Doe spoke on Monday. "
                + "“We will not give up,” she said, “and we will win.”");
        assertThat(quotes).hasSize(2);
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsOnly("Jane Doe");
        assertThat(quotes.get(1).partial()).isFalse();
    }

    @Test
    void cueBeforeTheQuoteWithAColon() {
        List<Annotation.Quote> quotes = quotes("Mr Blair told reporters in London: \"We have a plan for the economy.\"");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Blair");
        assertThat(quotes.get(0).cue()).isEqualTo("told");
    }

    @Test
    void apostropheInsideASingleQuotedSpanKeepsTheWholeQuote() {
        String text = "Gordon Brown spoke in Gateshead. ‘It’s the nation’s duty to stay calm,’ Mr Brown said.";
        List<Annotation.Quote> quotes = quotes(text);
        assertThat(quotes).hasSize(1);
        assertThat(quotes.get(0).text()).isEqualTo("It’s the nation’s duty to stay calm,");
        assertThat(speaker(quotes.get(0))).isEqualTo("Gordon Brown");
    }

    @Test
    void nestedQuoteStaysInsideTheOuterQuoteOfItsSpeaker() {
        List<Annotation.Quote> quotes = quotes("“He told me ‘never again’ and walked out,” said Sarah Jones.");
        assertThat(quotes).hasSize(1);
        assertThat(speaker(quotes.get(0))).isEqualTo("Sarah Jones");
    }

    @Test
    void quoteWithoutAnyAttributionHasNoSpeaker() {
        List<Annotation.Quote> quotes = quotes("John Smith walked to the gate.\n\n"
                + "“No entry beyond this point.” The sign had been there for years.");
        assertThat(quotes).hasSize(1);
        assertThat(quotes.get(0).speaker()).isNull();
        assertThat(quotes.get(0).cue()).isNull();
    }

    @Test
    void pronounSkipsPeopleWhoAreOnlyTheContentOfReportedSpeech() {
        List<Annotation.Quote> quotes = quotes("Aidos Ukibai is the press secretary.\n\n"
                + "Ukibai said that Nazarbayev has spoken with Putin several times.\n\n"
                + "“The leader urges the people to unite,” he said.");
        assertThat(speaker(quotes.get(0))).isEqualTo("Aidos Ukibai");
    }

    @Test
    void roleNounResolvesToThePersonKnownByARole() {
        List<Annotation.Quote> quotes = quotes("President Tokayev spoke first. A Deputy Prosecutor-General, Zhandos "
                + "Umiraliyev, also warned the population.\n\n"
                + "\"This information is not true,\" he said.\n\n"
                + "\"Such rallies are illegal,\" the official said.\n\n"
                + "\"The rule of law must prevail,\" the Head of State added.");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker)
                .containsExactly("Zhandos Umiraliyev", "Zhandos Umiraliyev", "Tokayev");
    }

    @Test
    void unnamedSpokesmanIsNotTheLastNamedPerson() {
        List<Annotation.Quote> quotes = quotes("\"Children need care,\" said Laura Brownlees of Save the Children.\n\n"
                + "A spokesman for the Home Office said the plan was sound. \"We are developing a programme,\" said the "
                + "spokesman.");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Laura Brownlees", null);
    }

    @Test
    void roleNamedOnlyLaterResolvesForward() {
        List<Annotation.Quote> quotes = quotes("\"The economy is at a pause,\" the economy minister said. \"It will feel "
                + "slower next year,\" said economy minister Heizo Takenaka.");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Heizo Takenaka", "Heizo Takenaka");
    }

    @Test
    void citedAsSayingAndAccordingToNameTheSpeaker() {
        List<Annotation.Quote> quotes = quotes("\"We must be ready,\" the president's website cited President Kassym-Jomart "
                + "Tokayev as saying. According to Tokayev, 'real terrorists' are rampaging.");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker)
                .containsExactly("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev");
        assertThat(quotes).extracting(Annotation.Quote::cue).containsExactly("cited", "According to");
        assertThat(quotes.get(1).partial()).isTrue();
    }

    @Test
    void cueOffsetPointsAtTheCueInTheText() {
        String text = "“Prices will fall,” the analyst Paul Sheard said on Friday.";
        List<Annotation.Quote> quotes = quotes(text);
        Annotation.Quote q = quotes.get(0);
        assertThat(text.substring(q.cueStart(), q.cueStart() + q.cue().length())).isEqualTo("said");
        assertThat(speaker(q)).isEqualTo("Paul Sheard");
    }

    @Test
    void followOnQuoteInTheSameParagraphKeepsTheSpeaker() {
        List<Annotation.Quote> quotes = quotes("\"Everyone at Arsenal has been waiting for this game,\" said Sol Campbell. "
                + "\"We are up for this one.\"");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Sol Campbell", "Sol Campbell");
    }

    @Test
    void quoteEndingASentenceDoesNotTakeTheNextSentenceAsAttribution() {
        List<Annotation.Quote> quotes = quotes("Jeff Evans leads the union. \"Our protest is about jobs.\" The chancellor "
                + "Gordon Brown has said that the cuts were needed.");
        assertThat(quotes).hasSize(1);
        assertThat(speaker(quotes.get(0))).isNotEqualTo("Gordon Brown");
    }

    @Test
    void dashQuoteEndingNamesItsSpeaker() {
        List<Annotation.Quote> quotes = quotes("Prime Minister of Armenia Nikol Pashinyan chaired the meeting.\n\n"
                + "– The council decided to send peacekeeping forces to Kazakhstan,” Mr. Pashinyan wrote on Facebook.");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Nikol Pashinyan");
        assertThat(quotes.get(0).cue()).isEqualTo("wrote");
    }

    @Test
    void parentheticalInvertedCueNamesTheSpeakerOfAScareQuote() {
        List<Annotation.Quote> quotes = quotes("Nick Donofrio of IBM gave a lecture in London. Ultimately, there will "
                + "be, says Mr Donofrio, no value in being “computer illiterate”.");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Nick Donofrio");
        assertThat(quotes.get(0).partial()).isTrue();
    }

    @Test
    void fragmentsInOneSentenceOfReportedSpeechShareTheSpeaker() {
        List<Annotation.Quote> quotes = quotes("Chief executive Carl Clump told the BBC that there was \"no doubt\" that "
                + "chip and pin would \"reduce card fraud in shops\".");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Carl Clump", "Carl Clump");
    }

    @Test
    void appositionWithoutItsClosingCommaStillNamesTheSpeaker() {
        List<Annotation.Quote> quotes = quotes("But Christoph Caselitz, president of the mobile networks division at "
                + "Siemens says that: \"By the time the next generation debuts, we will be ready.\"");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Christoph Caselitz");
    }

    @Test
    void placeAfterAPrepositionIsNotTheSpeaker() {
        List<Annotation.Quote> quotes = quotes("In a statement, a detainee in Woodhill Prison said: \"I hope the "
                + "government will act upon this decision.\"");
        assertThat(quotes).singleElement().satisfies(q -> {
            assertThat(q.speaker()).isNull();
            assertThat(q.cue()).isEqualTo("said");
        });
    }

    @Test
    void roleWithoutAKnownHolderMeansTheArticlesMainPerson() {
        List<Annotation.Quote> quotes = quotes("Late film star Marlon Brando turned down the role. Brando's friend Budd "
                + "Schulberg told a magazine that Brando's assistant suggested he read the novel. The actor repeatedly "
                + "refused, throwing the book at her and saying: \"I won't glorify the mafia.\"");
        assertThat(quotes).extracting(QuoteAttributorTest::speaker).containsExactly("Marlon Brando");
    }

    @Test
    void languagesWithoutAModelGetQuotesWithoutSpeakers() {
        String text = "«Мы победим», – сказал Путин.";
        assertThat(QuoteAttributor.unattributed(text, extractor.extract(text)))
                .singleElement().satisfies(q -> {
                    assertThat(q.text()).isEqualTo("Мы победим");
                    assertThat(q.speaker()).isNull();
                });
    }
}
