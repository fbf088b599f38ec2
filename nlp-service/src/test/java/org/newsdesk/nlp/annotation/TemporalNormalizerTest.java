package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.contracts.Annotation.DateMention;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;

class TemporalNormalizerTest {

    private static final Map<String, String> PUBLISHED = Map.of(
            "000", "2024-11-22", "001", "2022-01-07", "002", "2022-01-09", "003", "2022-10-26", "004", "2022-01-05");

    private static StanfordCoreNLP pipeline;
    private static TemporalNormalizer normalizer;
    private static final Map<String, List<DateMention>> seedDates = new HashMap<>();

    @BeforeAll
    static void load() {
        pipeline = SeedArticles.fastPipeline();
        normalizer = new TemporalNormalizer();
    }

    private static synchronized List<DateMention> datesOfSeed(String seed) {
        return seedDates.computeIfAbsent(seed, s -> normalizer.find(
                SeedArticles.annotate(pipeline, SeedArticles.text(s)), published(PUBLISHED.get(s))));
    }

    private static OffsetDateTime published(String day) {
        return OffsetDateTime.of(java.time.LocalDate.parse(day).atTime(12, 0), ZoneOffset.UTC);
    }

    private static List<DateMention> find(String text, String day) {
        return normalizer.find(SeedArticles.annotate(pipeline, text), day == null ? null : published(day));
    }

    @ParameterizedTest(name = "seed {0}: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            000 | the evening of November 21 | 2024-11-21TEV
            000 | the morning of November 22 | 2024-11-22TMO
            000 | November 27                | 2024-11-27
            000 | the following day          | 2024-11-28
            001 | Jan. 6                     | 2022-01-06
            001 | January 2                  | 2022-01-02
            001 | May 15, 1992               | 1992-05-15
            002 | January 10                 | 2022-01-10
            002 | January 5                  | 2022-01-05
            002 | the next day               | 2022-01-06
            002 | earlier this week          | 2022-W01
            002 | Wednesday                  | 2022-01-05
            002 | Saturday                   | 2022-01-08
            002 | Friday                     | 2022-01-07
            002 | March 2019                 | 2019-03
            003 | October 22                 | 2022-10-22
            003 | October 24-25              | 2022-10-24/2022-10-25
            003 | January 2-9, 2022          | 2022-01-02/2022-01-09
            003 | February                   | 2022-02
            003 | January                    | 2022-01
            003 | September                  | 2022-09
            003 | November 20                | 2022-11-20
            004 | Sunday                     | 2022-01-02
            004 | Wednesday                  | 2022-01-05
            004 | January 1                  | 2022-01-01
            """)
    void seedExpressionResolvesAgainstPublicationDate(String seed, String expression, String expected) {
        // the seeds hold no-break spaces ("the evening of\u00a0November 21")
        List<DateMention> mentions = datesOfSeed(seed).stream()
                .filter(d -> d.text().replaceAll("[\\s\\u00a0]+", " ").equals(expression)).toList();
        assertThat(mentions).as("mentions \"%s\" in %s", expression, datesOfSeed(seed)).isNotEmpty();
        assertThat(mentions).extracting(DateMention::value).containsOnly(expected);
    }

    @Test
    void offsetsPointAtTheMentionText() {
        for (String seed : PUBLISHED.keySet()) {
            String text = SeedArticles.text(seed);
            for (DateMention d : datesOfSeed(seed)) {
                assertThat(text.substring(d.start(), d.end())).isEqualTo(d.text());
            }
        }
    }

    @Test
    void rangeSwallowsItsYearInsteadOfReportingItTwice() {
        List<DateMention> dates = datesOfSeed("003");
        DateMention range = dates.stream().filter(d -> d.text().startsWith("January 2")).findFirst().orElseThrow();
        assertThat(dates).noneMatch(d -> d != range && d.start() < range.end() && d.end() > range.start());
        assertThat(range.type()).isEqualTo("DATE");
    }

    @Test
    void nowPresentAndNamedDaysAreNotDates() {
        assertThat(datesOfSeed("001")).extracting(DateMention::text).doesNotContain("now", "present");
        assertThat(datesOfSeed("001")).noneMatch(d -> d.value().endsWith("_REF"));
        assertThat(datesOfSeed("003")).extracting(DateMention::text).doesNotContain("Day", "day");
    }

    @Test
    void typesFollowTimex3() {
        List<DateMention> dates = datesOfSeed("003");
        assertThat(dates).extracting(DateMention::type)
                .allMatch(t -> List.of("DATE", "TIME", "DURATION", "SET").contains(t));
        assertThat(dates).filteredOn(d -> d.text().equals("up to 25 days"))
                .extracting(DateMention::type).containsOnly("DURATION");
    }

    @Test
    void farYearlessMonthFollowsTheTenseOfItsSentence() {
        assertThat(find("The minister visited Tokyo in March.", "2022-10-26"))
                .extracting(DateMention::value).containsExactly("2022-03");
        assertThat(find("The minister will visit Tokyo in March.", "2022-10-26"))
                .extracting(DateMention::value).containsExactly("2023-03");
    }

    @Test
    void withoutPublicationDateOnlyAbsoluteDatesRemain() {
        List<DateMention> dates = find(SeedArticles.text("003"), null);
        assertThat(dates).extracting(DateMention::text)
                .contains("October 26, 2022", "January 2-9, 2022")
                .doesNotContain("October 22", "February", "this year");
        assertThat(dates).filteredOn(d -> d.text().equals("January 2-9, 2022"))
                .extracting(DateMention::value).containsExactly("2022-01-02/2022-01-09");
        assertThat(find("The summit opened on November 27, 2024 and the ministers met the following day.", null))
                .extracting(DateMention::text, DateMention::value)
                .contains(org.assertj.core.groups.Tuple.tuple("the following day", "2024-11-28"));
    }

    @Test
    void sutimeSeesOnlyTheNeighbourhoodOfTriggersSoAFarVerbIsNoSeason() {
        String text = "Profits rose 5% in 2004, but analysts warned that the group's share of the European mobile "
                + "handset market falls behind its rivals whenever prices drop.";
        List<DateMention> dates = find(text, "2005-01-15");
        assertThat(dates).extracting(DateMention::text).contains("2004").doesNotContain("falls");
    }

    @Test
    void nearbyTriggersShareOneWindowSoARangeStaysWhole() {
        List<int[]> pieces = TemporalNormalizer.triggerPieces(SeedArticles.annotate(pipeline,
                "The talks ran from Monday to Friday last week and resume on 12 January."));
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0)[1]).isZero();
    }
}
