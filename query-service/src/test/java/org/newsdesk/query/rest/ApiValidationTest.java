package org.newsdesk.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.query.repository.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Bad input answers 400 with an RFC 9457 problem that says why; injection attempts stay plain data. */
@QuarkusTest
class ApiValidationTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();

    @Inject
    Database db;

    private static RequestSpecification reader() {
        return given().auth().oauth2(TOKENS.accessToken("reader"));
    }

    private static void badRequest(RequestSpecification request, String path, String reason) {
        request.when().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Bad Request"))
                .body("detail", containsString(reason));
    }

    @Test
    void unknownParametersAreRefusedWithTheAcceptedOnes() {
        badRequest(reader().queryParam("query", "tokayev"), "/api/v1/search", "unknown parameter 'query'");
        badRequest(reader().queryParam("speaker_id", "1"), "/api/v1/quotes", "unknown parameter 'speaker_id'");
        badRequest(reader().queryParam("debug", "true"), "/api/v1/articles/00000000-0000-0000-0000-000000000000",
                "unknown parameter 'debug'");
    }

    @Test
    void badDatesIdsAndEnumsAreRefused() {
        badRequest(reader().queryParam("from", "2022-13-45"), "/api/v1/search", "'from' is not a date");
        badRequest(reader().queryParam("to", "yesterday"), "/api/v1/quotes", "'to' is not a date");
        badRequest(reader().queryParam("from", "2022-02-01").queryParam("to", "2022-01-01"), "/api/v1/search",
                "'from' must be before 'to'");
        badRequest(reader().queryParam("cluster", "abc"), "/api/v1/search", "'cluster' is not a UUID");
        badRequest(reader().queryParam("sort", "popularity"), "/api/v1/search", "'sort' must be one of");
        badRequest(reader().queryParam("type", "ANIMAL"), "/api/v1/entities", "'type' must be one of");
        badRequest(reader().queryParam("format", "xlsx"), "/api/v1/export", "'format' must be one of");
        badRequest(reader(), "/api/v1/articles/not-a-uuid", "not a article id");
        badRequest(reader(), "/api/v1/entities/abc", "not an entity id");
    }

    @Test
    void pageSizesOverTheCapAndDeepPagesAreRefused() {
        badRequest(reader().queryParam("size", "101"), "/api/v1/search", "'size' must be between 1 and 100");
        badRequest(reader().queryParam("size", "0"), "/api/v1/quotes", "'size' must be between 1 and 100");
        badRequest(reader().queryParam("page", "-1"), "/api/v1/facts", "'page' must be between");
        badRequest(reader().queryParam("page", "1000").queryParam("size", "100"), "/api/v1/search", "deeper than");
        badRequest(reader().queryParam("limit", "1000"), "/api/v1/graph", "'limit' must be between 2 and 100");
    }

    @Test
    void overLongQueriesAreRefused() {
        badRequest(reader().queryParam("q", "tokayev ".repeat(100)), "/api/v1/search", "at most 500");
    }

    @Test
    void everyReasonIsListedInOneAnswer() {
        List<String> errors = reader().queryParam("size", "1000").queryParam("from", "soon").queryParam("x", "1")
                .when().get("/api/v1/search").then().statusCode(400).extract().jsonPath().getList("errors");
        assertThat(errors).hasSize(3);
    }

    @Test
    void injectionAttemptsAreHarmlessData() {
        long articlesBefore = articleCount();
        List<String> attacks = List.of("'; DROP TABLE articles; --", "1 OR 1=1", "\" OR \"\"=\"", "tokayev' UNION SELECT "
                + "text FROM articles --", "<script>alert(1)</script>", "%' OR alias LIKE '%", "!!(|&:*", "\\x00\\'");
        for (String attack : attacks) {
            reader().queryParam("q", attack).when().get("/api/v1/search").then().statusCode(200);
            reader().queryParam("entity", attack).when().get("/api/v1/search").then().statusCode(200)
                    .body("total", equalTo(0));
            reader().queryParam("source", attack).when().get("/api/v1/search").then().statusCode(200)
                    .body("total", equalTo(0));
            reader().queryParam("speaker", attack).when().get("/api/v1/quotes").then().statusCode(200)
                    .body("total", equalTo(0));
            reader().queryParam("q", attack).when().get("/api/v1/entities").then().statusCode(200);
            reader().queryParam("kind", attack).when().get("/api/v1/facts").then().statusCode(200)
                    .body("total", equalTo(0));
            reader().queryParam("q", attack).when().get("/api/v1/timeline").then().statusCode(200);
        }
        reader().queryParam("entity", "1 OR 1=1").when().get("/api/v1/graph").then().statusCode(400);
        reader().queryParam("cluster", "' OR 1=1 --").when().get("/api/v1/search").then().statusCode(400);
        assertThat(articleCount()).isGreaterThanOrEqualTo(articlesBefore);
        assertThat(db.one("SELECT to_regclass('public.articles') IS NOT NULL", row -> row.getBoolean(1), new Object[0]))
                .contains(true);
    }

    @Test
    void nulCharacterIsRefusedNotPassedToTheDatabase() {
        badRequest(reader().urlEncodingEnabled(false).queryParam("q", "toka%00yev"), "/api/v1/search", "NUL");
    }

    private long articleCount() {
        return db.one("SELECT count(*) FROM articles", row -> row.getLong(1)).orElseThrow();
    }
}
