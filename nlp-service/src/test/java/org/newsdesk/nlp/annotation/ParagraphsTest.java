package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;

class ParagraphsTest {

    @Test
    void blocksBetweenBlankLinesAreTrimmedSpansIntoTheText() {
        String text = "  Title line\n\n First paragraph,\nsecond line. \n \t\nLast one.\n\n\n";
        List<Annotation.Span> spans = Paragraphs.split(text);
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("Title line", "First paragraph,\nsecond line.", "Last one.");
    }

    @Test
    void windowsLineEndsAlsoSeparateParagraphs() {
        String text = "One.\r\n\r\nTwo.";
        assertThat(Paragraphs.split(text)).extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("One.", "Two.");
    }

    @Test
    void documentVectorIsTheNormalisedMeanOfParagraphVectors() {
        float[] mean = Paragraphs.normalizedMean(List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 0}));
        assertThat(mean[0]).isCloseTo((float) (2 / Math.sqrt(5)), within(1e-6f));
        assertThat(mean[1]).isCloseTo((float) (1 / Math.sqrt(5)), within(1e-6f));
    }
}
