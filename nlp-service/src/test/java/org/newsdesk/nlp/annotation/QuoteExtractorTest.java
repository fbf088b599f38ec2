package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Quote finding on raw text: marks, apostrophes, dash paragraphs, paragraphs, scare quotes. No NLP model needed. */
class QuoteExtractorTest {

    private final QuoteExtractor extractor = new QuoteExtractor();

    private List<String> texts(String text) {
        return extractor.extract(text).stream().map(c -> text.substring(c.start(), c.end())).toList();
    }

    @Test
    void curlyGuillemetAndStraightQuotesAreFoundWithoutTheirMarks() {
        String text = "“We will win,” she said. «Мы победим», – сказал он. \"Never,\" he said.";
        assertThat(texts(text)).containsExactly("We will win,", "Мы победим", "Never,");
    }

    @Test
    void apostrophesInsideASingleQuotedSpanDoNotCloseIt() {
        String text = "‘It’s the nation’s duty to stay calm,’ Mr Brown said. 'I can't go, it's late,' he added.";
        assertThat(texts(text)).containsExactly("It’s the nation’s duty to stay calm,", "I can't go, it's late,");
    }

    @Test
    void apostrophesOutsideQuotesNeverOpenOne() {
        String text = "Tokayev Orders Measures Following Putin's Address. The players' tunnel can't be seen in the '90s.";
        assertThat(extractor.extract(text)).isEmpty();
    }

    @Test
    void pluralPossessiveInsideASingleQuoteWaitsForTheRealCloser() {
        String text = "He called it 'the players' choice' and left.";
        assertThat(texts(text)).containsExactly("the players' choice");
    }

    @Test
    void twoSingleQuotedScareQuotesInOneParagraphStaySeparate() {
        String text = "According to the head of state, 'real terrorists' who have been trained abroad are rampaging. "
                + "The leader called an appeal to his partners 'absolutely appropriate and timely.' Tokayev hoped.";
        assertThat(texts(text)).containsExactly("real terrorists", "absolutely appropriate and timely.");
        assertThat(extractor.extract(text)).allMatch(QuoteExtractor.Candidate::partial);
    }

    @Test
    void nestedQuoteIsPartOfTheOuterQuote() {
        String text = "“He told me ‘never again’ and left,” said Sarah Jones.";
        assertThat(texts(text)).containsExactly("He told me ‘never again’ and left,");
    }

    @Test
    void quoteOpenedAtParagraphEndContinuesIntoTheNextQuotedParagraph() {
        String text = "“The first part of my statement.\n\n“And the second part,” he said.\n\nAfter that, nothing.";
        List<QuoteExtractor.Candidate> quotes = extractor.extract(text);
        assertThat(quotes).hasSize(1);
        assertThat(text.substring(quotes.get(0).start(), quotes.get(0).end()))
                .startsWith("The first part").endsWith("And the second part,");
        assertThat(quotes.get(0).partial()).isFalse();
    }

    @Test
    void lostParagraphBreakStartsAContinuationQuote() {
        String text = "\"It is just more bitter,\" the defender said. \"There's an edge. \"After all that, we won.\"";
        List<QuoteExtractor.Candidate> quotes = extractor.extract(text);
        assertThat(quotes).extracting(c -> text.substring(c.start(), c.end()))
                .containsExactly("It is just more bitter,", "There's an edge.", "After all that, we won.");
        assertThat(quotes.get(2).continuation()).isTrue();
    }

    @Test
    void wrongOpeningMarkUsedAsCloserEndsTheQuote() {
        String text = "“The leader is still in the capital. Please refrain from rumours “Ukibai made the statement.";
        assertThat(texts(text)).containsExactly("The leader is still in the capital. Please refrain from rumours");
    }

    @Test
    void unclosedQuoteInsideAParagraphIsDropped() {
        assertThat(extractor.extract("He said “we will see and then left.\n\nNext paragraph.")).isEmpty();
    }

    @Test
    void dashParagraphEndingWithDashAttributionIsOneQuoteWithItsTail() {
        String text = "The President spoke.\n\n– The data is clear – the attacks were real. We must act, – said President "
                + "Kassym-Jomart Tokayev.";
        List<QuoteExtractor.Candidate> quotes = extractor.extract(text);
        assertThat(quotes).hasSize(1);
        QuoteExtractor.Candidate q = quotes.get(0);
        assertThat(text.substring(q.start(), q.end())).isEqualTo("The data is clear – the attacks were real. We must act,");
        assertThat(text.substring(q.tailStart(), q.tailEnd())).isEqualTo("said President Kassym-Jomart Tokayev.");
        assertThat(q.form()).isEqualTo(QuoteExtractor.Form.DASH);
        assertThat(q.partial()).isFalse();
    }

    @Test
    void dashParagraphEndingWithAStrayClosingMarkOrACommaClauseIsAQuote() {
        String text = "– We will triumph together, in the end. This is a difficult page,” the Head of State concluded.\n\n"
                + "– A real battle is taking place under the control of the Ministry of Defence, the Head of State said.";
        List<QuoteExtractor.Candidate> quotes = extractor.extract(text);
        assertThat(quotes).extracting(c -> text.substring(c.tailStart(), c.tailEnd()))
                .containsExactly("the Head of State concluded.", "the Head of State said.");
        assertThat(quotes).extracting(c -> text.substring(c.start(), c.end())).containsExactly(
                "We will triumph together, in the end. This is a difficult page,",
                "A real battle is taking place under the control of the Ministry of Defence,");
    }

    @Test
    void dashQuoteResumedAfterItsAttributionKeepsTheSameTail() {
        String text = "– Мы победим, – сказал Путин. – Это точно.";
        List<QuoteExtractor.Candidate> quotes = extractor.extract(text);
        assertThat(quotes).extracting(c -> text.substring(c.start(), c.end())).containsExactly("Мы победим,", "Это точно.");
        assertThat(quotes.get(1).continuation()).isTrue();
        assertThat(quotes.get(1).tailStart()).isEqualTo(quotes.get(0).tailStart());
    }

    @Test
    void dashParagraphAfterAColonIsAQuoteEvenWithoutAnEnding() {
        String text = "The Chairman also addressed the citizens:\n\n– I want to assure you that we will prevail.";
        List<QuoteExtractor.Candidate> quotes = extractor.extract(text);
        assertThat(quotes).hasSize(1);
        assertThat(quotes.get(0).hasTail()).isFalse();
    }

    @Test
    void hyphenBulletsAreNotQuotes() {
        assertThat(extractor.extract("Key points:\n\n- Prices rose 5% in March\n\n- Exports fell")).isEmpty();
    }

    @Test
    void scareQuotesAndHeadingFragmentsArePartialFullSentencesAreNot() {
        String text = "“Order” to Kazakhstan\n\nHe had ordered forces to “murder without notice” at once. He said: "
                + "“We will act.” Then he said “We will win” and left.";
        assertThat(extractor.extract(text)).extracting(QuoteExtractor.Candidate::partial)
                .containsExactly(true, true, false, false);
    }

    @Test
    void secondHalfOfAnInterruptedQuoteIsNotPartial() {
        String text = "“We will not give up,” she said, “and we will win.”";
        assertThat(extractor.extract(text)).extracting(QuoteExtractor.Candidate::partial).containsExactly(false, false);
    }

    @Test
    void seedDashQuotesAreAllFoundInSeed001() {
        String text = SeedArticles.text("001");
        List<QuoteExtractor.Candidate> quotes = extractor.extract(text);
        assertThat(quotes).hasSize(4).allMatch(c -> c.form() == QuoteExtractor.Form.DASH && c.hasTail());
        assertThat(quotes).extracting(c -> text.substring(c.tailStart(), c.tailEnd())).containsExactly(
                "the Head of State said.", "said President Kassym-Jomart Tokayev.", "the Head of State concluded.",
                "Mr. Pashinyan wrote on Facebook.");
    }
}
