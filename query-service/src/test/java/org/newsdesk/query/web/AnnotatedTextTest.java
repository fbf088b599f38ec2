package org.newsdesk.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnnotatedTextTest {

    private static final String TEXT = """
            A meeting of the Security Council was held on Jan. 6 in Nur-Sultan city.

            – Therefore, we must launch a counter-terrorist operation, said President Kassym-Jomart Tokayev.
            The CSTO includes Armenia.""";

    private static AnnotatedText.Highlight at(String words, long id, String type) {
        int start = TEXT.indexOf(words);
        return new AnnotatedText.Highlight(start, start + words.length(), id, type, words);
    }

    @Test
    void blankLinesSplitParagraphsAndMentionsBecomeLinkedSegments() {
        List<AnnotatedText.Paragraph> paragraphs = AnnotatedText.of(TEXT, List.of(
                at("Kassym-Jomart Tokayev", 7, "PERSON"), at("Nur-Sultan", 3, "LOCATION"), at("CSTO", 9, "ORGANIZATION")));

        assertThat(paragraphs).hasSize(2);
        assertThat(paragraphs.get(0).segments()).extracting(AnnotatedText.Segment::text)
                .containsExactly("A meeting of the Security Council was held on Jan. 6 in ", "Nur-Sultan", " city.");
        AnnotatedText.Segment tokayev = paragraphs.get(1).segments().stream().filter(AnnotatedText.Segment::mention)
                .filter(s -> s.entityId() == 7).findFirst().orElseThrow();
        assertThat(tokayev.text()).isEqualTo("Kassym-Jomart Tokayev");
        assertThat(tokayev.typeClass()).isEqualTo("person");
        // The single line break inside the second paragraph stays in its text (shown with white-space: pre-line).
        String second = String.join("", paragraphs.get(1).segments().stream().map(AnnotatedText.Segment::text).toList());
        assertThat(second).contains("Tokayev.\nThe CSTO includes Armenia.");
    }

    @Test
    void everyCharacterOfTheTextSurvivesExactlyOnce() {
        List<AnnotatedText.Paragraph> paragraphs = AnnotatedText.of(TEXT, List.of(at("Security Council", 1, "ORGANIZATION"),
                at("Council", 2, "ORGANIZATION"), at("Armenia", 4, "LOCATION")));
        StringBuilder joined = new StringBuilder();
        paragraphs.forEach(p -> p.segments().forEach(s -> joined.append(s.text())));
        assertThat(joined.toString()).isEqualTo(TEXT.replaceAll("\\n\\s*\\n", ""));
    }

    @Test
    void overlappingAndOutOfRangeMentionsAreDroppedNotDuplicated() {
        List<AnnotatedText.Paragraph> paragraphs = AnnotatedText.of(TEXT, List.of(at("Security Council", 1, "ORGANIZATION"),
                at("Council", 2, "ORGANIZATION"), new AnnotatedText.Highlight(-4, 3, 5, "MISC", "x"),
                new AnnotatedText.Highlight(10, TEXT.length() + 10, 6, "MISC", "y")));
        List<Long> linked = paragraphs.stream().flatMap(p -> p.segments().stream()).filter(AnnotatedText.Segment::mention)
                .map(AnnotatedText.Segment::entityId).toList();
        assertThat(linked).containsExactly(1L);
    }

    @Test
    void markupInTheTextStaysPlainTextForTheTemplateToEscape() {
        String hostile = "Before <script>alert(1)</script> after <img src=x onerror=alert(2)>";
        List<AnnotatedText.Paragraph> paragraphs = AnnotatedText.of(hostile, List.of());
        assertThat(paragraphs).singleElement().satisfies(p -> assertThat(p.segments()).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo(hostile)));
    }
}
