package org.newsdesk.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.newsdesk.ingest.IngestApi.article;
import static org.newsdesk.ingest.IngestApi.as;
import static org.newsdesk.ingest.IngestApi.unique;
import static org.newsdesk.ingest.IngestApi.uniqueStory;
import static org.newsdesk.ingest.rest.ArticleEndpointRolesTest.quoted;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.ingest.SampleFeeds;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The many-articles endpoints: NDJSON batch, multipart upload and feed import, each with bad items among good ones. */
@QuarkusTest
class ArticleBatchUploadFeedTest {

    private static String line(String text, String externalId) {
        return "{\"text\":" + quoted(text) + ",\"externalId\":\"" + externalId + "\"}";
    }

    private static List<Map<String, Object>> ndjson(String body) throws Exception {
        return body.lines().filter(l -> !l.isBlank())
                .map(l -> {
                    try {
                        return EventJson.mapper().readValue(l, new TypeReference<Map<String, Object>>() { });
                    } catch (Exception e) {
                        throw new AssertionError("result line is not JSON: " + l, e);
                    }
                }).toList();
    }

    @Test
    void batchAnswersOneLinePerInputLineInOrderAndABadLineDoesNotStopTheOthers() throws Exception {
        String first = uniqueStory("batch one");
        String body = String.join("\n",
                line(first, unique("b1")),
                line(uniqueStory("batch two"), unique("b2")),
                "{\"text\": \"this line is cut off",
                "",
                line(uniqueStory("batch four"), unique("b4")),
                "[1, 2, 3]",
                line(first, unique("b6"))) + "\n";
        String answer = as("editor").contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles:batch").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        List<Map<String, Object>> results = ndjson(answer);
        assertThat(results).extracting(r -> r.get("line")).containsExactly(1, 2, 3, 5, 6, 7);
        assertThat(results).extracting(r -> r.get("code")).containsExactly(202, 202, 400, 202, 400, 200);
        assertThat(results.get(2).get("problem").toString()).contains("malformed JSON");
        assertThat(results.get(4).get("problem").toString()).contains("object");
        assertThat(results.get(5).get("status")).isEqualTo("DUPLICATE");
        assertThat(results.get(5).get("duplicateOf")).isEqualTo(results.get(0).get("id"));
        assertThat(article((String) results.get(3).get("id")).getString("cleanText")).contains("batch four");
    }

    /**
     * One batch is stored with a few statements per chunk, not per article; every decision must still be the one
     * storing the lines one at a time would make, against stored articles and against earlier lines alike.
     */
    @Test
    void laterLinesOfABatchSeeEarlierLinesAndStoredArticles() throws Exception {
        String stored = uniqueStory("stored before");
        Object storedId = ndjson(as("editor").contentType("application/x-ndjson")
                .body((line(stored, unique("pre")) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles:batch").then().statusCode(200).extract().asString()).get(0).get("id");
        String first = uniqueStory("batch original");
        String repeatedId = unique("again");
        String body = String.join("\n",
                line(first, repeatedId),
                line(uniqueStory("other story"), repeatedId),
                line(first.toUpperCase(), unique("copy-edit")),
                line(stored.toUpperCase(), unique("stored-copy-edit")),
                line(stored, unique("stored-copy"))) + "\n";
        List<Map<String, Object>> results = ndjson(as("editor").contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles:batch").then().statusCode(200)
                .extract().asString());
        Object firstId = results.get(0).get("id");
        assertThat(results).extracting(r -> r.get("code")).containsExactly(202, 200, 202, 202, 200);
        assertThat(results.get(1).get("id")).as("the same externalId again is the article stored one line earlier")
                .isEqualTo(firstId);
        assertThat(results.get(2).get("nearDuplicateOf")).as("a copy edit of an earlier line").isEqualTo(firstId);
        assertThat(results.get(3).get("nearDuplicateOf")).as("a copy edit of a stored article").isEqualTo(storedId);
        assertThat(results.get(4).get("status")).isEqualTo("DUPLICATE");
        assertThat(results.get(4).get("duplicateOf")).isEqualTo(storedId);
    }

    @Test
    void emptyBatchIs400() {
        as("editor").contentType("application/x-ndjson").body("\n\n".getBytes()).post("/api/v1/articles:batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void uploadReadsEachFileByItsExtensionAndNamesArticlesAfterTheirFiles() {
        String txt = unique("wire-story");
        String html = unique("web-page");
        String json = unique("json-article");
        String nd = unique("bundle");
        String feed = unique("feed");
        String guid = unique("upload-guid");
        String ndFirst = unique("nd1");
        String rss = SampleFeeds.rss("Upload feed", List.of(new SampleFeeds.Item(guid, "Feed item",
                "<p>" + uniqueStory("upload feed") + "</p>", "Wed, 05 Jan 2022 21:09:00 GMT")));
        JsonPath results = as("editor")
                .multiPart("files", txt + ".txt", uniqueStory("upload text").getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("files", html + ".html", ("<html><body><article><h1>Upload page</h1><p>"
                        + uniqueStory("upload html") + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8), "text/html")
                .multiPart("files", json + ".json", ("{\"text\":" + quoted(uniqueStory("upload json")) + "}")
                        .getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("files", nd + ".ndjson", (line(uniqueStory("upload nd 1"), ndFirst) + "\nnot json\n"
                        + "{\"text\":" + quoted(uniqueStory("upload nd 3")) + "}\n").getBytes(StandardCharsets.UTF_8),
                        "application/x-ndjson")
                .multiPart("files", feed + ".xml", rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml")
                .multiPart("files", unique("scan") + ".pdf", new byte[] {'%', 'P', 'D', 'F'}, "application/pdf")
                .post("/api/v1/articles:upload").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = results.getList("$");
        assertThat(items).extracting(r -> r.get("code")).containsExactly(202, 202, 202, 202, 400, 202, 202, 415);
        assertThat(items).extracting(r -> r.get("externalId")).containsExactly(txt, html, json,
                ndFirst, null, nd + "#3", guid, null);
        assertThat(items.get(4).get("file")).isEqualTo(nd + ".ndjson");
        assertThat(items.get(4).get("line")).isEqualTo(2);
        assertThat(article((String) items.get(1).get("id")).getString("cleanText")).contains("upload html");
    }

    @Test
    void feedImportTurnsEachItemIntoAnArticle() {
        String guidA = unique("rss-a");
        String guidB = unique("rss-b");
        String rss = SampleFeeds.rss("Harbour Gazette", List.of(
                new SampleFeeds.Item(guidA, "Harbour reopens", "<p>" + uniqueStory("rss a") + "</p><script>x()</script>",
                        "Wed, 05 Jan 2022 21:09:00 GMT"),
                new SampleFeeds.Item(guidB, "Bridge closes", "<p>" + uniqueStory("rss b") + "</p>",
                        "Thu, 06 Jan 2022 08:00:00 GMT")));
        String source = unique("gazette");
        JsonPath results = as("editor").contentType("application/rss+xml").queryParam("source", source)
                .body(rss.getBytes(StandardCharsets.UTF_8)).post("/api/v1/feeds:import").then().statusCode(200)
                .extract().jsonPath();
        assertThat(results.getList("code", Integer.class)).containsExactly(202, 202);
        assertThat(results.getList("externalId", String.class)).containsExactly(guidA, guidB);
        JsonPath a = article(results.getString("[0].id"));
        assertThat(a.getString("title")).isEqualTo("Harbour reopens");
        assertThat(a.getString("publishedAt")).startsWith("2022-01-05T21:09");
        assertThat(a.getString("source")).isEqualTo(source);
        assertThat(a.getString("cleanText")).doesNotContain("x()");

        String entry = unique("atom");
        as("editor").contentType("application/atom+xml")
                .body(SampleFeeds.atom("Atom Times", entry, "Atom story", "<p>" + uniqueStory("atom") + "</p>",
                        "2022-01-05T21:09:00Z").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/feeds:import").then().statusCode(200)
                .body("[0].code", org.hamcrest.Matchers.equalTo(202))
                .body("[0].externalId", org.hamcrest.Matchers.equalTo(entry));
    }

    @Test
    void malformedFeedIs400NamingTheProblem() {
        as("editor").contentType("application/rss+xml").body("<rss><channel><title>cut".getBytes())
                .post("/api/v1/feeds:import").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line"));
        as("editor").contentType("application/xml").body("<html><body>not a feed</body></html>".getBytes())
                .post("/api/v1/feeds:import").then().statusCode(400).body("detail", containsString("html"));
        as("editor").contentType("application/json").body("{}".getBytes())
                .post("/api/v1/feeds:import").then().statusCode(415);
    }
}
