package org.newsdesk.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.newsdesk.ingest.IngestApi.article;
import static org.newsdesk.ingest.IngestApi.as;
import static org.newsdesk.ingest.IngestApi.awaitStatus;
import static org.newsdesk.ingest.IngestApi.postFresh;
import static org.newsdesk.ingest.IngestApi.postText;
import static org.newsdesk.ingest.IngestApi.unique;
import static org.newsdesk.ingest.IngestApi.uniqueStory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;
import org.newsdesk.ingest.TopicRecords;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Single-article ingest against the real stack: every seed is stored cleaned and published, duplicates are
 * recognised, re-ingest is idempotent, and bad input gets a problem+json 4xx.
 */
@QuarkusTest
class ArticleIngestTest {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL base;

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../seeds"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static ArticleIngested event(ConsumerRecord<String, byte[]> record) throws IOException {
        return EventJson.mapper().readValue(record.value(), ArticleIngested.class);
    }

    @Test
    void everySeedIsStoredCleanedPublishedAndOnTheTopic() throws IOException {
        List<Path> seeds = seeds();
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(5);
        String source = unique("seeds");
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5))) {
            List<String> ids = new ArrayList<>();
            for (Path seed : seeds) {
                String externalId = seed.getFileName().toString().replace(".txt", "");
                String id = postFresh(Files.readString(seed), externalId, source)
                        .then().statusCode(202).body("externalId", equalTo(externalId))
                        .extract().path("id");
                ids.add(id);
            }
            for (int i = 0; i < seeds.size(); i++) {
                String id = ids.get(i);
                JsonPath stored = awaitStatus(id, PUBLISH_TIMEOUT, "PUBLISHED", "ANNOTATED", "INDEXED");
                String clean = stored.getString("cleanText");
                assertThat(clean).as("clean text of %s", seeds.get(i)).isNotBlank()
                        .doesNotContain("This website uses cookies")
                        .doesNotContain("Top downloads")
                        .doesNotContain("Sign up via the website");
                assertThat(stored.getString("rawText")).isEqualTo(Files.readString(seeds.get(i)));
                assertThat(stored.getString("contentHash")).hasSize(64);

                List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(id, 1, PUBLISH_TIMEOUT);
                assertThat(records).as("events for %s", id).hasSize(1);
                ArticleIngested event = event(records.get(0));
                assertThat(event.articleId().toString()).isEqualTo(id);
                assertThat(event.revision()).isEqualTo(1);
                assertThat(event.text()).isEqualTo(clean);
                assertThat(event.contentHash()).isEqualTo(stored.getString("contentHash"));
                assertThat(event.source()).isEqualTo(source);
            }
            JsonPath seed004 = article(ids.get(4));
            String body = seed004.getString("cleanText");
            String firstSentence = "Kazakh President Kassym-Zhomart Tokayev appealed to the heads of member states";
            assertThat(body.split(firstSentence, -1)).as("occurrences of 004's first sentence").hasSize(2);
            assertThat(body.split("Unauthorised rallies began in the Mangistau region", -1)).hasSize(2);
            assertThat(seed004.getString("publishedAt")).startsWith("2022-01-05");
            assertThat(seed004.getString("title"))
                    .isEqualTo("Kazakhstan: President Tokayev appeals to CSTO for help amid mass protests");
            assertThat(seed004.getString("language")).isEqualTo("en");
            JsonPath seed000 = article(ids.get(0));
            assertThat(seed000.getString("title"))
                    .isEqualTo("Tokayev Orders 'Urgent Measures' for Security Following Putin's Address");
            assertThat(seed000.getString("cleanText"))
                    .doesNotContain("How Chinese colonialism is changing Uyghurs in Ürümchi");
        }
    }

    @Test
    void exactDuplicateAnswers200WithTheOriginalAndPublishesNothing() {
        String story = uniqueStory("duplicates");
        String source = unique("dup");
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5))) {
            String original = postText(story, unique("first"), source).then().statusCode(202).extract().path("id");
            // Same text in another layout (extra blank lines, indentation, trailing spaces): the clean text is the same.
            String reformatted = story.replace("\n\n", "  \n\n\n  ");
            postText(reformatted, unique("second"), source).then().statusCode(200)
                    .body("status", equalTo("DUPLICATE"))
                    .body("id", equalTo(original))
                    .body("duplicateOf", equalTo(original));
            // A copy edit (other case) is not an exact duplicate: it is accepted as a near duplicate of the original.
            String copyEdited = story.toUpperCase();
            String edited = postText(copyEdited, unique("third"), source).then().statusCode(202)
                    .body("duplicateOf", nullValue())
                    .body("nearDuplicateOf", equalTo(original)).extract().path("id");
            as("admin").delete("/api/v1/articles/" + edited).then().statusCode(204);
            assertThat(topic.awaitKey(original, 1, PUBLISH_TIMEOUT)).hasSize(1);
            assertThat(topic.drain(r -> original.equals(r.key()), Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void nearDuplicateIsAcceptedAndPointsToTheOriginal() {
        String story = longStory(new Random());
        String original = postText(story, unique("near-a"), unique("near")).then().statusCode(202).extract().path("id");
        String edited = story.replaceFirst("\\.", " and nobody disagreed.");
        postText(edited, unique("near-b"), unique("near")).then().statusCode(202)
                .body("nearDuplicateOf", equalTo(original))
                .body("duplicateOf", nullValue());
        String unrelated = longStory(new Random());
        postText(unrelated, unique("near-c"), unique("near")).then().statusCode(202)
                .body("nearDuplicateOf", nullValue());
    }

    @Test
    void sameSourceAndExternalIdAgainReturnsTheStoredArticleAndPublishesNothing() {
        String source = unique("idem");
        String externalId = unique("story");
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5))) {
            String id = postText(uniqueStory("idempotent"), externalId, source).then().statusCode(202).extract().path("id");
            postText(uniqueStory("idempotent, edited"), externalId, source).then().statusCode(200)
                    .body("id", equalTo(id)).body("externalId", equalTo(externalId))
                    .body("status", org.hamcrest.Matchers.not(equalTo("DUPLICATE")));
            // The same externalId from another source is another article.
            postText(uniqueStory("idempotent"), externalId, unique("other-source")).then().statusCode(202)
                    .body("id", org.hamcrest.Matchers.not(equalTo(id)));
            assertThat(topic.awaitKey(id, 1, PUBLISH_TIMEOUT)).hasSize(1);
            assertThat(topic.drain(r -> id.equals(r.key()), Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void jsonArticleKeepsTheClientsMetadata() {
        String externalId = unique("json");
        String body = """
                {"text": %s, "title": "Budget vote delayed", "url": "https://example.org/budget",
                 "source": "%s", "publishedAt": "2023-03-04T10:15:00+01:00", "language": "en", "externalId": "%s"}
                """.formatted(ArticleEndpointRolesTest.quoted(uniqueStory("json")), unique("json-source"), externalId);
        String id = as("editor").contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles").then().statusCode(202)
                .header("Location", containsString("/api/v1/articles/"))
                .body("title", equalTo("Budget vote delayed"))
                .body("publishedAt", equalTo("2023-03-04T10:15:00+01:00"))
                .body("language", equalTo("en"))
                .body("externalId", equalTo(externalId))
                .body("status", equalTo("RECEIVED"))
                .extract().path("id");
        JsonPath stored = article(id);
        assertThat(stored.getString("url")).isEqualTo("https://example.org/budget");
        assertThat(stored.getInt("revision")).isEqualTo(1);
    }

    @Test
    void htmlWithScriptsFramesAndEventHandlersIsStoredWithoutThem() {
        String html = """
                <html><head><title>Harbour reopens</title><script>steal(document.cookie)</script></head>
                <body onload="track()"><iframe src="https://evil.example/"></iframe>
                <article><h1>Harbour reopens after storm</h1>
                <p onclick="alert('x')">The harbour reopened on Monday after a week of repairs to the sea wall, the port
                authority said, and the first ferries left on time. Reference %s.</p>
                <p>Fishermen said the damage was the worst in twenty years, and asked the council for help with
                the cost of new nets and boats.<script>alert('inline')</script></p></article></body></html>
                """.formatted(unique("html"));
        String id = as("editor").contentType("text/html; charset=UTF-8").queryParam("externalId", unique("html"))
                .body(html.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        JsonPath stored = article(id);
        assertThat(stored.getString("cleanText")).contains("The harbour reopened on Monday")
                .doesNotContain("steal(").doesNotContain("alert(");
        assertThat(stored.getString("rawHtml")).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onload");
    }

    @Test
    void invalidUtf8IsReplacedAndWarned() {
        byte[] valid = uniqueStory("encoding").getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(valid, valid.length + 4);
        System.arraycopy(new byte[] {' ', (byte) 0xFF, (byte) 0xC3, '.'}, 0, body, valid.length, 4);
        String id = as("editor").contentType("text/plain; charset=UTF-8").queryParam("externalId", unique("utf8"))
                .body(body).post("/api/v1/articles")
                .then().statusCode(202).body("warnings", hasItem(containsString("invalid UTF-8")))
                .extract().path("id");
        JsonPath stored = article(id);
        assertThat(stored.getList("warnings", String.class)).anyMatch(w -> w.contains("invalid UTF-8"));
        assertThat(stored.getString("rawText")).contains("\uFFFD");
    }

    @Test
    void emptyOrWhitespaceTextIs400() {
        for (String text : List.of("", "   \n\t  \n")) {
            as("editor").contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        }
        as("editor").contentType("application/json").body("{\"text\":\"  \",\"title\":\"x\"}".getBytes())
                .post("/api/v1/articles").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400NamingTheProblem() {
        as("editor").contentType("application/json").body("{\"text\": \"unterminated".getBytes())
                .post("/api/v1/articles").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("malformed JSON"));
        as("editor").contentType("application/json").body("{\"text\": 42}".getBytes())
                .post("/api/v1/articles").then().statusCode(400).body("detail", containsString("text"));
        as("editor").contentType("application/json")
                .body(("{\"text\": \"" + uniqueStory("date").replace("\n", " ") + "\", \"publishedAt\": \"yesterday\"}").getBytes())
                .post("/api/v1/articles").then().statusCode(400).body("detail", containsString("publishedAt"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        as("editor").contentType("application/pdf").body(new byte[] {'%', 'P', 'D', 'F'}).post("/api/v1/articles")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        as("editor").contentType("text/plain").body("x".getBytes()).post("/api/v1/articles:batch")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void articleOverTheLimitIs413() {
        byte[] huge = new byte[5 * 1024 * 1024 + 10];
        Arrays.fill(huge, (byte) 'a');
        as("editor").contentType("text/plain").body(huge).post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void requestOverTheHttpLimitIs413ProblemJsonBeforeTheBodyIsRead() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String token = org.newsdesk.ingest.IngestApi.TOKENS.accessToken("editor");
            out.write(("POST /api/v1/articles:batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 500000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server answers without reading the body and may keep the socket open: read what it sent.
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!received.toString().endsWith("}")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String response = received.toString();
            assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json")
                    .contains("\"status\":413");
        }
    }

    @Test
    void unknownArticleIs404ProblemAndBadListingParametersAre400() {
        as("reader").get("/api/v1/articles/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as("reader").get("/api/v1/articles/not-a-uuid").then().statusCode(404);
        as("reader").get("/api/v1/articles?status=SLEEPING").then().statusCode(400).contentType("application/problem+json");
        as("reader").get("/api/v1/articles?since=last-week").then().statusCode(400);
        as("reader").get("/api/v1/articles?size=100000").then().statusCode(400);
    }

    @Test
    void listingFiltersByStatusAndSince() {
        Instant before = Instant.now().minusSeconds(1);
        String id = postText(uniqueStory("listing"), unique("list"), unique("list")).then().statusCode(202).extract().path("id");
        JsonPath page = as("reader").queryParam("since", before.toString()).queryParam("size", 200)
                .get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id", String.class)).contains(id);
        awaitStatus(id, PUBLISH_TIMEOUT, "PUBLISHED", "ANNOTATED", "INDEXED");
        as("reader").queryParam("status", "RECEIVED").queryParam("since", before.toString()).queryParam("size", 200)
                .get("/api/v1/articles").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        as("reader").queryParam("since", Instant.now().plusSeconds(3600).toString()).get("/api/v1/articles")
                .then().statusCode(200).body("total", equalTo(0)).body("items", notNullValue());
    }

    /** About 400 words of plausible prose from a fixed vocabulary, different for every random source. */
    static String longStory(Random random) {
        String[] subjects = {"The minister", "A spokesman", "The committee", "Local residents", "The company", "Police",
                "The governor", "Analysts", "The union", "Doctors", "Farmers", "The court"};
        String[] verbs = {"said", "warned", "announced", "denied", "confirmed", "suggested", "argued", "reported"};
        String[] objects = {"that prices would rise", "the plan was delayed", "new rules for the harbour",
                "a review of the budget", "talks with the neighbours", "the closure of two schools",
                "more money for roads", "a fall in exports", "the strike would continue", "higher taxes on fuel",
                "a new hospital in the north", "changes to the election law"};
        String[] times = {"on Monday", "last week", "in March", "after the meeting", "during the visit", "this year",
                "before the vote", "at the weekend"};
        StringBuilder story = new StringBuilder("Report ").append(random.nextInt(1_000_000)).append("\n\n");
        for (int sentence = 0; sentence < 45; sentence++) {
            story.append(subjects[random.nextInt(subjects.length)]).append(' ')
                    .append(verbs[random.nextInt(verbs.length)]).append(' ')
                    .append(objects[random.nextInt(objects.length)]).append(' ')
                    .append(times[random.nextInt(times.length)]).append(", number ").append(random.nextInt(100_000))
                    .append(". ");
            if (sentence % 5 == 4) {
                story.append("\n\n");
            }
        }
        return story.toString().trim();
    }
}
