package org.newsdesk.ingest.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.TestData;
import org.newsdesk.ingest.cleaning.HtmlMetadata;

class ArticleMetadataExtractorTest {

    private final ArticleMetadataExtractor extractor = new ArticleMetadataExtractor();

    @Test
    void seed004TitleSkipsTheCookieBannerAndItsDateComesFromTheArabicPublishedStamp() {
        ArticleMetadata meta = extractor.extract(TestData.seed("004"));

        assertThat(meta.title()).isEqualTo("Kazakhstan: President Tokayev appeals to CSTO for help amid mass protests");
        assertThat(meta.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-05T21:09Z"));
        assertThat(meta.publishedAt().toLocalDate()).isEqualTo(LocalDate.of(2022, 1, 5));
    }

    @Test
    void seed003DateComesFromTheBylineNotFromTheLastUpdateStamp() {
        ArticleMetadata meta = extractor.extract(TestData.seed("003"));

        assertThat(meta.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-10-26T00:00Z"));
        assertThat(meta.byline()).isEqualTo("By Aybulat Musaev");
        assertThat(meta.title()).isEqualTo("Kazakh President Calls on People to Be Ready to Repel Any Threats");
    }

    @Test
    void seedsWithoutAPublicationDateGiveNullDespiteDatesInTheirBodies() {
        for (String seed : new String[] {"000", "001", "002"}) {
            ArticleMetadata meta = extractor.extract(TestData.seed(seed));
            assertThat(meta.publishedAt()).as("seed %s", seed).isNull();
            assertThat(meta.byline()).as("seed %s", seed).isNull();
        }
    }

    @Test
    void titleIsTheFirstRealLineAndNoneWhenTheTextOpensWithSummaryBullets() {
        assertThat(extractor.extract(TestData.seed("000")).title())
                .isEqualTo("Tokayev Orders 'Urgent Measures' for Security Following Putin's Address");
        assertThat(extractor.extract(TestData.seed("001")).title()).startsWith("President Tokayev Vows Decisive Measures");
        assertThat(extractor.extract(TestData.seed("002")).title()).isNull();
    }

    @Test
    void anUpdateStampAloneIsNeverThePublicationDate() {
        String text = "Last update: April 26, 2024 08:37\n\nUpdated 27 April 2024\n\nSome headline\n\n"
                + "A body paragraph that mentions January 5, 2022 in passing, as stories do, and goes on long enough to be a "
                + "paragraph of the story rather than a header line of the page it was copied from.";

        assertThat(extractor.extract(text).publishedAt()).isNull();
    }

    @Test
    void russianPublishedStampAndBylineAreRead() {
        String text = "Токаев обратился к ОДКБ\n\nОпубликовано: 5 января 2022, 21:09\n\nАвтор: Айбулат Мусаев\n\n"
                + "Президент Казахстана Касым-Жомарт Токаев обратился к главам государств ОДКБ с просьбой о помощи в "
                + "преодолении террористической угрозы, заявил он на заседании Совета безопасности.";
        ArticleMetadata meta = extractor.extract(text);

        assertThat(meta.title()).isEqualTo("Токаев обратился к ОДКБ");
        assertThat(meta.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-05T21:09Z"));
        assertThat(meta.byline()).isEqualTo("Автор: Айбулат Мусаев");
    }

    @Test
    void htmlMetadataWinsOverTheTextAndKeepsItsZone() {
        HtmlMetadata html = new HtmlMetadata("Tokayev appeals to CSTO | Newsroom Wire", null, "Newsroom Staff",
                "2022-01-05T21:09:00+06:00", "Newsroom Wire", "https://wire.example/a", "en-GB");
        ArticleMetadata meta = extractor.extract(TestData.seed("003"), html);

        assertThat(meta.title()).isEqualTo("Tokayev appeals to CSTO");
        assertThat(meta.byline()).isEqualTo("Newsroom Staff");
        assertThat(meta.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-05T21:09+06:00"));
        assertThat(meta.siteName()).isEqualTo("Newsroom Wire");
        assertThat(meta.canonicalUrl()).isEqualTo("https://wire.example/a");
        assertThat(meta.language()).isEqualTo("en");
    }

    @Test
    void unparseableHtmlDateFallsBackToTheText() {
        HtmlMetadata html = new HtmlMetadata(null, null, null, "sometime last week", null, null, null);

        assertThat(extractor.extract(TestData.seed("003"), html).publishedAt()).isEqualTo(OffsetDateTime.parse("2022-10-26T00:00Z"));
    }
}
