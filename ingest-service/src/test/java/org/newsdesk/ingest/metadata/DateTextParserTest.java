package org.newsdesk.ingest.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextParserTest {

    private final DateTextParser parser = new DateTextParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-01-05                                    | 2022-01-05T00:00Z
            2022-01-05T21:09:00+06:00                     | 2022-01-05T21:09+06:00
            2022-01-05T21:09:00.123Z                      | 2022-01-05T21:09:00.123Z
            2022-01-05 21:09                              | 2022-01-05T21:09Z
            Wed, 05 Jan 2022 21:09:00 GMT                 | 2022-01-05T21:09Z
            Wed, 05 Jan 2022 21:09:00 +0600               | 2022-01-05T21:09+06:00
            January 5, 2022                               | 2022-01-05T00:00Z
            Jan. 5, 2022                                  | 2022-01-05T00:00Z
            Sept 30, 2023                                 | 2023-09-30T00:00Z
            October 26, 2022 at 8:37 pm                   | 2022-10-26T20:37Z
            January 5, 2022 21:09 GMT+6                   | 2022-01-05T21:09+06:00
            5 January 2022                                | 2022-01-05T00:00Z
            5th January 2022                              | 2022-01-05T00:00Z
            05.01.2022                                    | 2022-01-05T00:00Z
            05/01/2022 21:09                              | 2022-01-05T21:09Z
            12/25/2023                                    | 2023-12-25T00:00Z
            2022/01/05                                    | 2022-01-05T00:00Z
            5 января 2022 г.                              | 2022-01-05T00:00Z
            Опубликовано 5 января 2022 года, 21:09        | 2022-01-05T21:09Z
            26 окт. 2022                                  | 2022-10-26T00:00Z
            5 січня 2022 року                             | 2022-01-05T00:00Z
            2022 жылғы 5 қаңтар                           | 2022-01-05T00:00Z
            5 қаңтар 2022 ж.                              | 2022-01-05T00:00Z
            يناير ٥, ٢٠٢٢ at ٢١:٠٩ GMT +00:00 · Published | 2022-01-05T21:09Z
            ٥ يناير ٢٠٢٢                                  | 2022-01-05T00:00Z
            ٥ كانون الثاني ٢٠٢٢                            | 2022-01-05T00:00Z
            26 أكتوبر 2022                                | 2022-10-26T00:00Z
            ۵ ژانویه ۲۰۲۲                                 | 2022-01-05T00:00Z
            ۱۴ مه ۲۰۲۳                                    | 2023-05-14T00:00Z
            5 janvier 2022                                | 2022-01-05T00:00Z
            le 1er mars 2021                              | 2021-03-01T00:00Z
            5. Januar 2022, 21:09 Uhr                     | 2022-01-05T21:09Z
            3. März 2020                                  | 2020-03-03T00:00Z
            5 de enero de 2022                            | 2022-01-05T00:00Z
            26 Ekim 2022 Çarşamba                         | 2022-10-26T00:00Z
            5 ŞUBAT 2021                                  | 2021-02-05T00:00Z
            2022年1月5日                                   | 2022-01-05T00:00Z
            2022年1月5日 21:09                             | 2022-01-05T21:09Z
            """)
    void parsesDatesInManyFormatsAndScripts(String text, String expected) {
        assertThat(parser.parse(text)).contains(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"January 5", "on November 21, following", "31 February 2022", "2000 GMT", "Khabar 24",
            "Article 4 of the Collective Security Treaty", "60 to 120 tenge", "January 2-9", "13/13/2022", "May"})
    void incompleteOrImpossibleDatesGiveNothing(String text) {
        assertThat(parser.parse(text)).isEmpty();
    }

    @Test
    void findAllReportsPositionsInTheOriginalTextAndSkipsYearlessDates() {
        String line = "By Aybulat Musaev October 26, 2022; riots on January 2-9 and on ٥ يناير ٢٠٢٢";
        List<DateTextParser.FoundDate> dates = parser.findAll(line);

        assertThat(dates).extracting(d -> d.value().toLocalDate().toString()).containsExactly("2022-10-26", "2022-01-05");
        assertThat(line.substring(dates.get(0).start(), dates.get(0).end())).isEqualTo("October 26, 2022");
        assertThat(line.substring(dates.get(1).start(), dates.get(1).end())).isEqualTo("٥ يناير ٢٠٢٢");
        assertThat(dates.get(0).hasTime()).isFalse();
    }

    @Test
    void ambiguousNumericDatesFollowTheConfiguredOrder() {
        assertThat(new DateTextParser(true).parse("05/01/2022")).contains(OffsetDateTime.parse("2022-05-01T00:00Z"));
        assertThat(new DateTextParser(false).parse("05/01/2022")).contains(OffsetDateTime.parse("2022-01-05T00:00Z"));
    }
}
