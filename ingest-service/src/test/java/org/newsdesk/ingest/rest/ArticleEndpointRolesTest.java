package org.newsdesk.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.newsdesk.ingest.IngestApi.as;
import static org.newsdesk.ingest.IngestApi.unique;
import static org.newsdesk.ingest.IngestApi.uniqueStory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.IngestApi;
import org.newsdesk.ingest.SampleFeeds;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the issue against real Keycloak tokens: no token is 401, a user without the role is 403, the
 * right role gets its 2xx. Also checks that the colon paths ({@code articles:batch}, {@code :reprocess}) route.
 */
@QuarkusTest
class ArticleEndpointRolesTest {

    private static Response postArticle(RequestSpecification request) {
        return request.contentType("text/plain; charset=UTF-8")
                .queryParam("externalId", unique("roles")).queryParam("source", unique("roles-source"))
                .body(uniqueStory("roles").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles");
    }

    private static Response postBatch(RequestSpecification request) {
        String line = "{\"text\":" + quoted(uniqueStory("batch-roles")) + ",\"externalId\":\"" + unique("b") + "\"}\n";
        return request.contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles:batch");
    }

    private static Response upload(RequestSpecification request) {
        return request.multiPart("file", unique("upload") + ".txt", uniqueStory("upload-roles").getBytes(StandardCharsets.UTF_8),
                "text/plain").post("/api/v1/articles:upload");
    }

    private static Response importFeed(RequestSpecification request) {
        String guid = unique("guid");
        String feed = SampleFeeds.rss(unique("Roles feed"), List.of(new SampleFeeds.Item(guid, "Feed story",
                "<p>" + uniqueStory("feed-roles").replace("\n\n", "</p><p>") + "</p>", "Wed, 05 Jan 2022 21:09:00 GMT")));
        return request.contentType("application/rss+xml").body(feed).post("/api/v1/feeds:import");
    }

    private static String createdArticle() {
        return postArticle(as("editor")).then().statusCode(202).extract().path("id");
    }

    private static void assertMatrix(Function<RequestSpecification, Response> call, List<String> allowed,
            List<String> denied, int success) {
        call.apply(given()).then().statusCode(401);
        for (String user : denied) {
            call.apply(as(user)).then().statusCode(403);
        }
        for (String user : allowed) {
            call.apply(as(user)).then().statusCode(success);
        }
    }

    @Test
    void ingestNeedsEditor() {
        assertMatrix(ArticleEndpointRolesTest::postArticle, List.of("editor", "admin"), List.of("reader"), 202);
    }

    @Test
    void batchNeedsEditorAndRoutesTheColonPath() {
        assertMatrix(ArticleEndpointRolesTest::postBatch, List.of("editor", "admin"), List.of("reader"), 200);
    }

    @Test
    void uploadNeedsEditor() {
        assertMatrix(ArticleEndpointRolesTest::upload, List.of("editor", "admin"), List.of("reader"), 200);
    }

    @Test
    void feedImportNeedsEditor() {
        assertMatrix(ArticleEndpointRolesTest::importFeed, List.of("editor", "admin"), List.of("reader"), 200);
    }

    @Test
    void readingAnArticleNeedsReader() {
        String id = createdArticle();
        assertMatrix(r -> r.get("/api/v1/articles/" + id), List.of("reader", "editor", "admin"), List.of(), 200);
        as("reader").get("/api/v1/articles/" + id).then().body("id", equalTo(id)).body("cleanText", notNullValue());
    }

    @Test
    void listingNeedsReader() {
        assertMatrix(r -> r.get("/api/v1/articles?size=5"), List.of("reader", "editor", "admin"), List.of(), 200);
        as("reader").get("/api/v1/articles?size=5").then().body("$", hasKey("items")).body("size", equalTo(5));
    }

    @Test
    void deleteNeedsAdmin() {
        String id = createdArticle();
        given().delete("/api/v1/articles/" + id).then().statusCode(401);
        as("reader").delete("/api/v1/articles/" + id).then().statusCode(403);
        as("editor").delete("/api/v1/articles/" + id).then().statusCode(403);
        as("admin").delete("/api/v1/articles/" + id).then().statusCode(204);
    }

    @Test
    void reprocessNeedsAdminAndRoutesTheColonPath() {
        String id = createdArticle();
        given().post("/api/v1/articles/" + id + ":reprocess").then().statusCode(401);
        as("reader").post("/api/v1/articles/" + id + ":reprocess").then().statusCode(403);
        as("editor").post("/api/v1/articles/" + id + ":reprocess").then().statusCode(403);
        as("admin").post("/api/v1/articles/" + id + ":reprocess").then().statusCode(202).body("id", equalTo(id));
    }

    @Test
    void refusalsAreProblemJsonToo() {
        given().contentType("text/plain").body("x".getBytes()).post("/api/v1/articles").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().auth().oauth2("not-a-token").get("/api/v1/articles").then().statusCode(401)
                .contentType("application/problem+json");
        as("reader").contentType("text/plain").body("x".getBytes()).post("/api/v1/articles").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void readinessReportsDatabaseKafkaOutboxAndLanguageModels() {
        IngestApi.awaitReady();
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name =~ /(?i)database/ }.status", equalTo("UP"))
                .body("checks.find { it.name =~ /(?i)kafka/ }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'language-models' }.status", equalTo("UP"));
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
