package org.newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.ingest.TestData;

class NdjsonReaderTest {

    private final NdjsonReader reader = new NdjsonReader();

    @Test
    void badLinesAreReportedOneByOneWhileGoodLinesAreRead() throws IOException {
        String batch = """
                {"text":"First article text.","title":"First","url":"https://a.example/1","publishedAt":"2022-01-05T21:09:00+06:00","externalId":"a-1"}
                {"text": "broken json
                
                [1, 2, 3]
                {"title":"No content"}
                {"text":"Second.","publishedAt":"yesterday"}
                {"text":"Third.","title":42}
                {"html":"<p>Fourth.</p>","publishedAt":"2022-01-05","id":17,"topic":"ignored"}
                """;
        List<NdjsonReader.Line> lines = reader.readAll(new StringReader(batch));

        assertThat(lines).extracting(NdjsonReader.Line::lineNumber).containsExactly(1, 2, 4, 5, 6, 7, 8);
        assertThat(lines).filteredOn(NdjsonReader.Line::ok).extracting(NdjsonReader.Line::lineNumber).containsExactly(1, 8);
        assertThat(lines.get(0).article().publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-05T21:09+06:00"));
        assertThat(lines.get(0).article().externalId()).isEqualTo("a-1");
        assertThat(lines.get(1).error()).startsWith("line 2: malformed JSON");
        assertThat(lines.get(2).error()).isEqualTo("line 4: expected a JSON object, got array");
        assertThat(lines.get(3).error()).isEqualTo("line 5: neither 'text' nor 'html' has content");
        assertThat(lines.get(4).error()).isEqualTo("line 6: field 'publishedAt' is not an ISO-8601 date-time: 'yesterday'");
        assertThat(lines.get(5).error()).isEqualTo("line 7: field 'title' must be a string, got number");
        assertThat(lines.get(6).article().html()).isEqualTo("<p>Fourth.</p>");
        assertThat(lines.get(6).article().externalId()).isEqualTo("17");
        assertThat(lines.get(6).article().publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-05T00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "\"", "{\"text\":\"a", "{\"text\":\"\\ud800\"}", "{\"text\": 1e999999}", "\u0000\u0001",
            "{\"text\":\"x\",\"text\":\"y\"}", "null", "true", "{\"text\":{\"nested\":[1,2]}}", "{\"publishedAt\":\"2022-13-45\",\"text\":\"x\"}"})
    void hostileLinesGiveALineErrorOrAnArticleButNeverAnException(String json) {
        NdjsonReader.Line line = reader.parseLine(3, json);

        assertThat(line.lineNumber()).isEqualTo(3);
        assertThat(line.ok() ^ line.error() != null).as("exactly one of article or error").isTrue();
        if (!line.ok()) {
            assertThat(line.error()).startsWith("line 3: ");
        }
    }

    @Test
    void deeplyNestedJsonIsALineError() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        assertThat(reader.parseLine(1, deep).error()).startsWith("line 1: ");
    }

    @Test
    void wholeBbcCorpusReadsAsArticles() throws IOException {
        assumeTrue(Files.exists(TestData.bbcCorpus()), "BBC corpus not found at " + TestData.bbcCorpus());
        try (var input = Files.newBufferedReader(TestData.bbcCorpus())) {
            List<NdjsonReader.Line> lines = reader.readAll(input);
            assertThat(lines).hasSize(2225).allMatch(NdjsonReader.Line::ok);
            assertThat(lines.get(0).article().externalId()).isEqualTo("business-001");
            assertThat(lines.get(0).article().title()).isEqualTo("Ad sales boost Time Warner profit");
        }
    }
}
