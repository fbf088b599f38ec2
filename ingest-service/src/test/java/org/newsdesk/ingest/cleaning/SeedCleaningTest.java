package org.newsdesk.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.TestData;

/** Cleans the five real seed articles and checks what went and, as much, what stayed. */
class SeedCleaningTest {

    private final TextCleaner cleaner = new TextCleaner();
    private final TextNormaliser normaliser = new TextNormaliser();

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\n+")).filter(p -> !p.isBlank()).toList();
    }

    private static int occurrences(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void noSeedKeepsBannersOrPageFurniture(String seed) {
        String clean = cleaner.clean(TestData.seed(seed)).text();

        assertThat(clean).doesNotContainIgnoringCase("uses cookies")
                .doesNotContain("Top downloads", "Show more", "Pool for subscribers only", "Mandatory credit",
                        "Newsroom logo", "Last update", "Sign up", "Photo:", "/ akorda.kz");
        assertThat(paragraphs(clean)).doesNotContain("None", "Restrictions", "Description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void cleanTextIsNormalisedWithParagraphsSeparatedByOneBlankLine(String seed) {
        String clean = cleaner.clean(TestData.seed(seed)).text();

        assertThat(Normalizer.isNormalized(clean, Normalizer.Form.NFC)).isTrue();
        assertThat(clean).doesNotContain("\u00A0", "  ", "\n\n\n", "\r").isEqualTo(clean.strip());
        assertThat(clean.split("\n\n").length).as("paragraph count").isGreaterThan(5);
    }

    @Test
    void seed000LosesItsTrailingRelatedLinksAndPhotoCreditButKeepsTheLastStoryParagraph() {
        CleanText clean = cleaner.clean(TestData.seed("000"));

        assertThat(clean.text()).doesNotContain("•", "Turkmenistan mission", "Ürümchi", "nur.kz");
        assertThat(clean.count(Removal.Kind.RELATED_LINKS)).isEqualTo(4);
        List<String> paragraphs = paragraphs(clean.text());
        assertThat(paragraphs.get(paragraphs.size() - 1))
                .startsWith("According to political analyst Arkady Dubnov").endsWith("the following day.");
        assertThat(paragraphs).hasSize(6);
    }

    @Test
    void seed001LosesTheSignUpPromptAndKeepsEveryDashQuote() {
        String raw = TestData.seed("001");
        String clean = cleaner.clean(raw).text();

        assertThat(clean).doesNotContain("Sign up via the website", "sent directly to you");
        long dashQuotes = paragraphs(raw).stream().filter(p -> p.startsWith("–")).count();
        assertThat(dashQuotes).isEqualTo(4);
        assertThat(paragraphs(clean).stream().filter(p -> p.startsWith("–")).count()).isEqualTo(dashQuotes);
        assertThat(paragraphs(clean).get(paragraphs(clean).size() - 1)).startsWith("The protests in Kazakhstan have continued");
    }

    @Test
    void seed002KeepsItsSummaryBulletsHeadingsAndEveryQuote() {
        String raw = TestData.seed("002");
        CleanText clean = cleaner.clean(raw);

        assertThat(clean.removals()).isEmpty();
        assertThat(clean.text()).isEqualTo(normaliser.normalise(raw));
        assertThat(paragraphs(clean.text()).stream().filter(p -> p.startsWith("•")).count()).isEqualTo(5);
        assertThat(occurrences(clean.text(), "“")).isEqualTo(occurrences(raw, "“")).isGreaterThanOrEqualTo(10);
        assertThat(paragraphs(clean.text())).contains("Declaration of State of Emergency", "Murder Without Notice");
    }

    @Test
    void seed003LosesHeaderFurnitureButKeepsTitleAndEveryQuotedParagraph() {
        String raw = TestData.seed("003");
        CleanText clean = cleaner.clean(raw);

        List<String> paragraphs = paragraphs(clean.text());
        assertThat(paragraphs.get(0)).isEqualTo("Kazakh President Calls on People to Be Ready to Repel Any Threats");
        assertThat(paragraphs.get(1)).startsWith("President Kassym-Jomart Tokayev has urged");
        assertThat(clean.removals()).extracting(Removal::kind).containsExactly(Removal.Kind.DATE_STAMP,
                Removal.Kind.PAGE_LABEL, Removal.Kind.BYLINE, Removal.Kind.PAGE_LABEL, Removal.Kind.PHOTO_CAPTION);
        List<String> rawQuoted = paragraphs(normaliser.normalise(raw)).stream().filter(p -> p.startsWith("\"")).toList();
        assertThat(rawQuoted).hasSize(7);
        assertThat(paragraphs).containsAll(rawQuoted);
    }

    @Test
    void seed004BodyRepeatedThreeTimesIsKeptOnce() {
        String raw = TestData.seed("004");
        CleanText clean = cleaner.clean(raw);
        String firstBodySentence = "Kazakh President Kassym-Zhomart Tokayev appealed to the heads of member states";
        String title = "Kazakhstan: President Tokayev appeals to CSTO for help amid mass protests";

        assertThat(occurrences(raw, firstBodySentence)).isEqualTo(3);
        assertThat(occurrences(clean.text(), firstBodySentence)).isEqualTo(1);
        assertThat(occurrences(clean.text(), title)).isEqualTo(1);
        assertThat(clean.text()).doesNotContain("Nur-Sultan\n", "٠٠:٠٣:٤٠", "يناير", "Published");

        Set<String> uniqueRawParagraphs = new LinkedHashSet<>(paragraphs(normaliser.normalise(raw)));
        List<String> body = uniqueRawParagraphs.stream().filter(p -> p.length() > 100 && !p.contains("cookies")).toList();
        assertThat(body).hasSize(6);
        assertThat(paragraphs(clean.text())).containsExactlyElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(title), body.stream()).toList());
        assertThat(clean.count(Removal.Kind.DUPLICATE)).isEqualTo(13);
    }
}
