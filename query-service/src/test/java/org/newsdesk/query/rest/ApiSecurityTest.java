package org.newsdesk.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.query.AnnotatedArticleBuilder;
import org.newsdesk.query.Eventually;
import org.newsdesk.query.TestKafka;
import org.newsdesk.query.repository.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every endpoint with a real Keycloak token per user: no token 401, wrong role 403, right role 200. */
@QuarkusTest
class ApiSecurityTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();

    private static final List<String> READ_ENDPOINTS = List.of("/api/v1/search?q=tokayev", "/api/v1/entities?q=tok",
            "/api/v1/quotes", "/api/v1/facts", "/api/v1/timeline", "/api/v1/graph", "/api/v1/export?format=jsonl&q=none");

    @Inject
    Database db;

    @Test
    void readEndpointsNeedAToken() {
        for (String endpoint : READ_ENDPOINTS) {
            given().when().get(endpoint).then().statusCode(401);
        }
        given().when().get("/api/v1/articles/" + UUID.randomUUID()).then().statusCode(401);
        given().when().get("/api/v1/entities/1").then().statusCode(401);
        given().when().get("/api/v1/clusters/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void readEndpointsAnswerEveryReaderRole() {
        for (String user : List.of("reader", "editor", "admin")) {
            for (String endpoint : READ_ENDPOINTS) {
                given().auth().oauth2(TOKENS.accessToken(user)).when().get(endpoint).then().statusCode(200);
            }
        }
    }

    @Test
    void curationNeedsTheAdminRole() {
        long junk = indexedEntity("Pool for subscribers only", EntityType.MISC);
        for (String command : List.of("merge", "split", "rename", "block")) {
            String path = "/api/v1/entities/" + junk + ":" + command;
            given().contentType(ContentType.JSON).body("{}").when().post(path).then().statusCode(401);
            given().auth().oauth2(TOKENS.accessToken("reader")).contentType(ContentType.JSON).body("{}")
                    .when().post(path).then().statusCode(403);
            given().auth().oauth2(TOKENS.accessToken("editor")).contentType(ContentType.JSON).body("{}")
                    .when().post(path).then().statusCode(403);
        }
        Map<String, Object> blocked = given().auth().oauth2(TOKENS.accessToken("admin")).contentType(ContentType.JSON)
                .body(Map.of("reason", "video agency boilerplate"))
                .when().post("/api/v1/entities/" + junk + ":block")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(blocked.get("blocked")).isEqualTo(true);
        assertThat(blocked.toString()).contains("video agency boilerplate", "admin");
    }

    @Test
    void renameAndMergeAnswerTheCuratedEntity() {
        long a = indexedEntity("Mandatory credit", EntityType.MISC);
        long b = indexedEntity("Office of the President of the Republic of Kazakhstan", EntityType.ORGANIZATION);
        String admin = TOKENS.accessToken("admin");

        String renamed = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Akorda (Office of the President)"))
                .when().post("/api/v1/entities/" + b + ":rename")
                .then().statusCode(200).extract().jsonPath().getString("name");
        assertThat(renamed).isEqualTo("Akorda (Office of the President)");
        long survivor = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("into", b))
                .when().post("/api/v1/entities/" + a + ":merge")
                .then().statusCode(200).extract().jsonPath().getLong("id");

        assertThat(survivor).isEqualTo(b);
        // the merged id now leads to the survivor
        var merged = given().auth().oauth2(TOKENS.accessToken("reader")).when().get("/api/v1/entities/" + a)
                .then().statusCode(200).extract().jsonPath();
        assertThat(merged.getLong("id")).isEqualTo(b);
        assertThat(merged.getString("name")).isEqualTo("Akorda (Office of the President)");
        assertThat(merged.getList("aliases.alias", String.class)).contains("Mandatory credit");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("into", b))
                .when().post("/api/v1/entities/" + b + ":merge").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/entities/" + b + ":explode").then().statusCode(404);
    }

    /** Indexes a one-entity article from seed 004's boilerplate and answers the entity's id. */
    private long indexedEntity(String name, EntityType type) {
        AnnotatedArticleBuilder article = AnnotatedArticleBuilder.seed("004").source("security-test")
                .entity("e1", name, type, name);
        TestKafka.publish(article.build());
        return Eventually.await("entity of " + article.articleId(), Duration.ofSeconds(60),
                () -> db.one("SELECT entity_id FROM mentions WHERE article_id = ? LIMIT 1", row -> row.getLong(1),
                        article.articleId()), found -> found.isPresent()).orElseThrow();
    }
}
