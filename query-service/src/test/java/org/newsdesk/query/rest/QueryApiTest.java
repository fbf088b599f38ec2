package org.newsdesk.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.query.AnnotatedArticleBuilder;
import org.newsdesk.query.IndexedArticles;
import org.newsdesk.query.SeedAnnotations;
import org.newsdesk.query.repository.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The read API over the five seed articles indexed through Kafka, each under a source of this test run. */
@QuarkusTest
class QueryApiTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();
    /** A source name no other test uses, so that counts here are this class's own. */
    private static final String SOURCE = "query-api-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, AnnotatedArticleBuilder> SEEDS = new java.util.LinkedHashMap<>();

    @Inject
    Database db;

    @BeforeEach
    void indexSeedsOnce() {
        synchronized (SEEDS) {
            if (!SEEDS.isEmpty()) {
                return;
            }
            SEEDS.put("000", SeedAnnotations.seed000().source(SOURCE));
            SEEDS.put("001", SeedAnnotations.seed001().source(SOURCE));
            SEEDS.put("002", SeedAnnotations.seed002().source(SOURCE));
            SEEDS.put("003", SeedAnnotations.seed003().source(SOURCE));
            SEEDS.put("004", SeedAnnotations.seed004().source(SOURCE));
            SEEDS.put("004-copy", SeedAnnotations.seed004().source(SOURCE).published("2022-01-06T08:00:00Z")
                    .title("Tokayev appeals to CSTO (syndicated copy)").nearDuplicateOf(SEEDS.get("004").articleId()));
            IndexedArticles.publishAndAwait(db, SEEDS.values());
        }
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TOKENS.accessToken("reader"));
    }

    /** The entity the lookup finds first for Tokayev's full name. */
    private static long tokayevId() {
        return reader().queryParam("q", "Kassym-Jomart Tokayev").when().get("/api/v1/entities")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    private static JsonPath profile(long entityId) {
        return reader().when().get("/api/v1/entities/" + entityId).then().statusCode(200).extract().jsonPath();
    }

    private static UUID id(String seed) {
        return SEEDS.get(seed).articleId();
    }

    @Test
    void searchFindsTheArticlesWithMarkedSnippetsAndFacets() {
        JsonPath result = reader().queryParam("q", "CSTO appeal").queryParam("source", SOURCE)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();

        List<String> ids = result.getList("items.id");
        assertThat(ids).contains(id("004").toString(), id("001").toString()).doesNotContain(id("003").toString());
        assertThat(result.getLong("total")).isEqualTo(ids.size());
        assertThat(result.getString("items[0].snippet")).contains("<mark>");
        assertThat(result.getList("facets.sources.value")).containsExactly(SOURCE);
        assertThat(result.getList("facets.entities.name", String.class)).contains("Kassym-Jomart Tokayev", "CSTO");
        assertThat(result.getList("facets.months.value", String.class)).contains("2022-01");
    }

    @Test
    void websearchSyntaxExcludesWordsAndMatchesPhrases() {
        JsonPath excluded = reader().queryParam("q", "Tokayev -Putin").queryParam("source", SOURCE)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(excluded.getList("items.id")).doesNotContain(id("000").toString(), id("002").toString())
                .contains(id("003").toString());

        JsonPath phrase = reader().queryParam("q", "\"day of mourning\"").queryParam("source", SOURCE)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(phrase.getList("items.id")).containsExactly(id("002").toString());
    }

    @Test
    void pagesDoNotOverlapAndTogetherCoverTheTotal() {
        Set<String> seen = new HashSet<>();
        long total = -1;
        for (int page = 0; page < 4; page++) {
            JsonPath result = reader().queryParam("source", SOURCE).queryParam("sort", "date")
                    .queryParam("size", 2).queryParam("page", page)
                    .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            total = result.getLong("total");
            List<String> ids = result.getList("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            for (String id : ids) {
                assertThat(seen.add(id)).as("%s seen on an earlier page", id).isTrue();
            }
        }
        assertThat(total).isEqualTo(6);
        assertThat(seen).hasSize(6);
    }

    @Test
    void entityFilterTakesAnyAliasOrSpelling() {
        JsonPath byName = reader().queryParam("entity", "Kasym-Zhomart Tokaev").queryParam("source", SOURCE)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(byName.getLong("total")).isEqualTo(6);

        JsonPath dated = reader().queryParam("entity", "CSTO").queryParam("source", SOURCE)
                .queryParam("from", "2022-01-01").queryParam("to", "2022-01-31")
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(dated.getList("items.id", String.class))
                .containsExactlyInAnyOrder(id("001").toString(), id("004").toString(), id("004-copy").toString());
    }

    @Test
    void articleCarriesItsAnnotationClusterAndDuplicates() {
        JsonPath article = reader().when().get("/api/v1/articles/" + id("002")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(article.getString("text")).startsWith("• Vladimir Putin");
        assertThat(article.getList("entities.name", String.class)).contains("Kassym-Jomart Tokayev", "Vladimir Putin");
        assertThat(article.getList("facts.kind", String.class)).containsExactlyInAnyOrder("killed", "wounded", "arrested");
        assertThat(article.getList("quotes.text", String.class)).containsExactly("progressing towards stability.");
        assertThat(article.getList("dates.date", String.class)).contains("2022-01-05", "2022-01-10");
        assertThat(article.getList("keyphrases.text", String.class)).contains("state of emergency");

        JsonPath original = reader().when().get("/api/v1/articles/" + id("004")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(original.getList("duplicates.id", String.class)).containsExactly(id("004-copy").toString());
        String cluster = original.getString("cluster.id");
        JsonPath copy = reader().when().get("/api/v1/articles/" + id("004-copy")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(copy.getString("cluster.id")).isEqualTo(cluster);
        assertThat(copy.getString("duplicateOf.id")).isEqualTo(id("004").toString());

        JsonPath clusterView = reader().when().get("/api/v1/clusters/" + cluster).then().statusCode(200)
                .extract().jsonPath();
        assertThat(clusterView.getList("articles.id", String.class)).contains(id("004").toString(), id("004-copy").toString());
        assertThat(clusterView.getList("articles.reason", String.class)).contains("NEAR_DUPLICATE");
    }

    @Test
    void unknownArticleAndClusterAnswer404Problems() {
        reader().when().get("/api/v1/articles/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        reader().when().get("/api/v1/clusters/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void entityLookupIsFuzzyAndAliasAware() {
        JsonPath misspelt = reader().queryParam("q", "Tokaiev").queryParam("type", "PERSON")
                .when().get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
        assertThat(misspelt.getString("items[0].name")).isEqualTo("Kassym-Jomart Tokayev");

        JsonPath full = reader().queryParam("q", "collective security treaty")
                .when().get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
        assertThat(full.getList("items.name", String.class)).contains("CSTO");
    }

    @Test
    void profileShowsAliasesCountsCooccurrenceAndQuotes() {
        long tokayev = tokayevId();

        JsonPath profile = profile(tokayev);
        assertThat(profile.getList("aliases.alias", String.class))
                .contains("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev", "Tokayev");
        assertThat(profile.getLong("articleCount")).isGreaterThanOrEqualTo(6);
        assertThat(profile.getString("firstSeen")).isNotNull();
        assertThat(profile.getList("cooccurring.name", String.class)).contains("Kazakhstan");
        assertThat(profile.getList("mentionsPerDay")).isNotEmpty();
        assertThat(profile.getList("quotesBy.text", String.class)).contains("progressing towards stability.");
    }

    @Test
    void profileCountsAndDaysAgreeWithTheEntitysArticles() {
        long tokayev = tokayevId();
        JsonPath profile = profile(tokayev);

        // counts, first/last seen and days come from one grouping by day: they must match a plain recount
        List<Object> recount = db.one("""
                SELECT count(*), sum(mention_count), min(published_at), max(published_at),
                       count(DISTINCT (published_at AT TIME ZONE 'UTC')::date)
                FROM article_entities WHERE entity_id = ?""", row -> List.<Object>of(row.getLong(1), row.getLong(2),
                Database.instant(row, "min"), Database.instant(row, "max"), row.getLong(5)), tokayev).orElseThrow();
        assertThat(profile.getLong("articleCount")).isEqualTo(recount.get(0));
        assertThat(profile.getLong("mentionCount")).isEqualTo(recount.get(1));
        assertThat(java.time.Instant.parse(profile.getString("firstSeen"))).isEqualTo(recount.get(2));
        assertThat(java.time.Instant.parse(profile.getString("lastSeen"))).isEqualTo(recount.get(3));
        assertThat((long) profile.getList("mentionsPerDay").size()).isEqualTo(recount.get(4));
        assertThat(profile.getList("mentionsPerDay.count", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(recount.get(1));
        assertThat(recount.get(4)).as("the seeds span several days").isNotEqualTo(1L);
    }

    /** Items of a page that come from this class's articles (other tests share the database). */
    private static List<Map<String, Object>> ours(JsonPath page) {
        Set<String> ids = new HashSet<>();
        SEEDS.values().forEach(seed -> ids.add(seed.articleId().toString()));
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(item -> ids.contains(((Map<?, ?>) item.get("article")).get("id"))).toList();
    }

    @Test
    void quotesBySpeakerNameInAnotherSpellingAndByWords() {
        JsonPath bySpeaker = reader().queryParam("speaker", "Tokaev").queryParam("size", 100).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> quotes = ours(bySpeaker);
        assertThat(quotes).extracting(q -> q.get("text")).contains("progressing towards stability.",
                "We must be ready to fight back if there are any threats to our country.");
        assertThat(bySpeaker.getList("items.speaker.name", String.class)).containsOnly("Kassym-Jomart Tokayev");

        JsonPath byWords = reader().queryParam("speaker", "Serik Uali").queryParam("q", "tranquility")
                .queryParam("size", 100).when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
        assertThat(ours(byWords)).singleElement().satisfies(q -> {
            assertThat(q.get("text")).isEqualTo("maintain stability, tranquility, law, and order.");
            assertThat(q.get("cue")).isEqualTo("wrote");
        });
        assertThat(byWords.getList("items.speaker.name", String.class)).containsOnly("Serik Uali");
    }

    @Test
    void factsByKindAndByEntityInTheirSentence() {
        JsonPath arrested = reader().queryParam("kind", "arrested").queryParam("q", "demonstrators").queryParam("size", 100)
                .when().get("/api/v1/facts").then().statusCode(200).extract().jsonPath();
        assertThat(ours(arrested)).singleElement().satisfies(f -> {
            assertThat(((Number) f.get("quantity")).doubleValue()).isEqualTo(3000.0);
            assertThat((String) f.get("sentence")).contains("More than 3,000 demonstrators have been arrested");
        });
        assertThat(arrested.getList("items.kind", String.class)).containsOnly("arrested");

        JsonPath namingKazakhstan = reader().queryParam("kind", "price").queryParam("entity", "Kazakhstan")
                .queryParam("size", 100).when().get("/api/v1/facts").then().statusCode(200).extract().jsonPath();
        assertThat(ours(namingKazakhstan)).hasSize(2).allSatisfy(f ->
                assertThat((String) f.get("sentence")).contains("Mangistau region of Kazakhstan", "60 to 120 tenge"));

        JsonPath namingAlmaty = reader().queryParam("kind", "price").queryParam("entity", "Almaty")
                .queryParam("size", 100).when().get("/api/v1/facts").then().statusCode(200).extract().jsonPath();
        assertThat(ours(namingAlmaty)).as("the price sentence does not name Almaty").isEmpty();
    }

    @Test
    void timelineListsMentionedDatesWithTheirSentenceAndPublications() {
        JsonPath timeline = reader().queryParam("source", SOURCE).queryParam("from", "2022-01-01")
                .queryParam("to", "2022-01-31").queryParam("size", 100)
                .when().get("/api/v1/timeline").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> events = timeline.getList("items");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("date")).isEqualTo("2022-01-05");
            assertThat(e.get("kind")).isEqualTo("MENTIONED");
            assertThat((String) e.get("text")).contains("January 5");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.get("kind")).isEqualTo("PUBLISHED"));
        List<String> dates = timeline.getList("items.date");
        assertThat(dates).isSorted();
        assertThat(dates).allSatisfy(d -> assertThat(d).startsWith("2022-01"));
    }

    @Test
    void graphLinksTokayevToCoOccurringEntities() {
        long tokayev = tokayevId();

        JsonPath graph = reader().queryParam("entity", tokayev).queryParam("limit", 5)
                .when().get("/api/v1/graph").then().statusCode(200).extract().jsonPath();

        assertThat(graph.getList("nodes")).hasSizeLessThanOrEqualTo(5);
        assertThat(graph.getList("nodes.id", Long.class)).contains(tokayev);
        assertThat(graph.getList("edges.weight", Long.class)).allSatisfy(w -> assertThat(w).isPositive());
        assertThat(graph.getList("edges")).isNotEmpty();
    }

    @Test
    void exportStreamsTheSameMatchesAsCsvAndJsonLines() {
        String csv = reader().queryParam("source", SOURCE).queryParam("format", "csv")
                .when().get("/api/v1/export").then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,externalId,title");
        assertThat(lines).hasSize(7);

        String jsonl = reader().queryParam("source", SOURCE).queryParam("q", "mourning")
                .when().get("/api/v1/export").then().statusCode(200).extract().asString();
        assertThat(jsonl.lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).contains(id("002").toString()));
    }
}
