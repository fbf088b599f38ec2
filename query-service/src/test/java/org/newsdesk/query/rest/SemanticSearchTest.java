package org.newsdesk.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.query.AnnotatedArticleBuilder;
import org.newsdesk.query.Eventually;
import org.newsdesk.query.IndexedArticles;
import org.newsdesk.query.TestKafka;
import org.newsdesk.query.repository.Database;
import org.newsdesk.query.semantic.FakeEmbeddings;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * {@code GET /api/v1/search?mode=semantic} over articles indexed through the real Kafka and PostgreSQL, with vectors
 * from {@link FakeEmbeddings} and query vectors from the nlp-service test double ({@code FakeNlpService}).
 */
@QuarkusTest
class SemanticSearchTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();
    private static final String SOURCE = "semantic-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, AnnotatedArticleBuilder> ARTICLES = new LinkedHashMap<>();

    @Inject
    Database db;

    @BeforeEach
    void indexOnce() {
        synchronized (ARTICLES) {
            if (!ARTICLES.isEmpty()) {
                return;
            }
            ARTICLES.put("gas", AnnotatedArticleBuilder.of("""
                    Gas prices climb again

                    Prices of liquefied gas rose by 15 percent at filling stations in Almaty.

                    Drivers queued for gas as prices climbed again on Monday.""").published("2022-01-05T10:00:00Z"));
            ARTICLES.put("budget", AnnotatedArticleBuilder.of("""
                    Parliament debates the budget

                    The parliament debated the budget for the coming year until late at night.

                    Ministers also discussed gas prices briefly.

                    The vote is expected next week after a second reading.""").published("2022-01-07T10:00:00Z")
                    .language("de"));
            ARTICLES.put("football", AnnotatedArticleBuilder.of("""
                    Cup final

                    The football club won the cup final after a penalty shootout.

                    Fans celebrated the victory in the stadium.""").published("2022-01-06T10:00:00Z"));
            ARTICLES.put("quake", AnnotatedArticleBuilder.of("""
                    Earthquake in the mountains

                    An earthquake shook the mountain region overnight.

                    Rescue teams searched collapsed houses <b>near</b> the epicentre.""").published("2022-01-04T10:00:00Z"));
            ARTICLES.replaceAll((k, a) -> a.source(SOURCE).embedded(FakeEmbeddings::vector));
            IndexedArticles.publishAndAwait(db, ARTICLES.values());
        }
    }

    private static String id(String name) {
        return ARTICLES.get(name).articleId().toString();
    }

    private static RequestSpecification semantic(String token, String q) {
        return given().auth().oauth2(token).queryParam("mode", "semantic").queryParam("q", q).queryParam("source", SOURCE);
    }

    private static String fake(String path) {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.nlp.url", String.class) + path;
    }

    @Test
    void theNearestArticleRanksFirstWithItsBestParagraphAsSnippetAndTheCosineAsScore() {
        String token = TOKENS.accessToken("reader");
        JsonPath result = semantic(token, "gas prices").when().get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();

        List<String> ids = result.getList("items.id");
        assertThat(ids).startsWith(id("gas")).contains(id("budget")).doesNotContain(id("football"), id("quake"));
        assertThat(result.getLong("total")).isEqualTo(ids.size());
        double first = result.getDouble("items[0].score");
        double second = result.getDouble("items[1].score");
        assertThat(first).isGreaterThan(second).isLessThanOrEqualTo(1.0);
        assertThat(second).isGreaterThanOrEqualTo(0.2);
        assertThat(result.getString("items[1].snippet")).isEqualTo("Ministers also discussed gas prices briefly.");
        assertThat(result.getList("facets.sources.value")).containsExactly(SOURCE);
        assertThat(result.getList("facets.languages.value", String.class)).containsExactlyInAnyOrder("en", "de");

        // the caller's own token went to nlp-service
        String forwarded = given().when().get(fake("/_last-authorization")).then().statusCode(200).extract().asString();
        assertThat(forwarded).isEqualTo("Bearer " + token);
    }

    @Test
    void filtersPagingAndDateSortApplyAsInWordSearch() {
        String token = TOKENS.accessToken("reader");
        JsonPath english = semantic(token, "gas prices").queryParam("lang", "en").when().get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(english.getList("items.id")).containsExactly(id("gas"));

        JsonPath secondPage = semantic(token, "gas prices").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(secondPage.getList("items.id")).containsExactly(id("budget"));
        assertThat(secondPage.getLong("total")).isEqualTo(2);

        JsonPath byDate = semantic(token, "gas prices").queryParam("sort", "date").when().get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byDate.getList("items.id")).containsExactly(id("budget"), id("gas"));

        JsonPath nothing = semantic(token, "gas prices").queryParam("entity", "999999999")
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(nothing.getLong("total")).isZero();
    }

    @Test
    void theSnippetIsEscapedText() {
        JsonPath result = semantic(TOKENS.accessToken("reader"), "rescue teams searched houses near the epicentre")
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("items[0].id")).isEqualTo(id("quake"));
        assertThat(result.getString("items[0].snippet")).contains("&lt;b&gt;near&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void aDeletedArticleLeavesTheRanking() {
        AnnotatedArticleBuilder doomed = AnnotatedArticleBuilder.of("Volcano erupts\n\nA volcano erupted with ash and lava.")
                .source(SOURCE).embedded(FakeEmbeddings::vector);
        TestKafka.publish(doomed.build());
        String token = TOKENS.accessToken("reader");
        Eventually.await("volcano found", Duration.ofSeconds(60),
                () -> semantic(token, "volcano ash lava").when().get("/api/v1/search").then().statusCode(200)
                        .extract().jsonPath().getList("items.id", String.class),
                ids -> ids.contains(doomed.articleId().toString()));
        TestKafka.tombstone(doomed.articleId());
        Eventually.await("volcano gone", Duration.ofSeconds(60),
                () -> semantic(token, "volcano ash lava").when().get("/api/v1/search").then().statusCode(200)
                        .extract().jsonPath().getList("items.id", String.class),
                ids -> !ids.contains(doomed.articleId().toString()));
    }

    @Test
    void anUnknownModeOrSemanticWithoutWordsIsABadRequest() {
        given().auth().oauth2(TOKENS.accessToken("reader")).queryParam("q", "gas").queryParam("mode", "vector")
                .when().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'mode' must be one of [text, semantic]"));
        given().auth().oauth2(TOKENS.accessToken("reader")).queryParam("mode", "semantic")
                .when().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("mode=semantic needs q"));
        given().queryParam("q", "gas").queryParam("mode", "semantic")
                .when().get("/api/v1/search").then().statusCode(401);
    }

    @Test
    void whenNlpServiceFailsOrIsUnreachableSemanticIs503AndTextStillWorks() {
        String token = TOKENS.accessToken("reader");
        given().when().post(fake("/_fail")).then().statusCode(204);
        try {
            semantic(token, "gas prices").when().get("/api/v1/search").then().statusCode(503)
                    .contentType("application/problem+json").body("status", equalTo(503))
                    .body("detail", containsString("nlp-service"));
        } finally {
            given().when().post(fake("/_heal")).then().statusCode(204);
        }

        given().when().post(fake("/_close?millis=4000")).then().statusCode(204);
        sleep(500);
        semantic(token, "gas prices").when().get("/api/v1/search").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("cannot be reached"));
        given().auth().oauth2(token).queryParam("q", "gas prices").queryParam("source", SOURCE)
                .when().get("/api/v1/search").then().statusCode(200);

        Eventually.await("semantic search back once nlp-service is", Duration.ofSeconds(30),
                () -> semantic(token, "gas prices").when().get("/api/v1/search").then().extract().statusCode(),
                status -> status == 200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
