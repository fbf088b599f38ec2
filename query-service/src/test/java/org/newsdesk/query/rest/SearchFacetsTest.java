package org.newsdesk.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The search page, its total and its facets come from one statement over the matches: each must still be what a
 * straightforward recount of the same articles gives (ranking order, total, entity counts with the blocked and type
 * conditions, sources, languages, months), on every page, with either sort, and past the last page.
 */
@QuarkusTest
class SearchFacetsTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();
    /** A word only this class's articles hold, so that its counts are its own. */
    private static final String WORD = "facet" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final List<AnnotatedArticleBuilder> ARTICLES = new ArrayList<>();

    @Inject
    Database db;

    @BeforeEach
    void indexOnce() {
        synchronized (ARTICLES) {
            if (!ARTICLES.isEmpty()) {
                return;
            }
            // two sources, two languages, three months; the same seed twice so that counts above one are ranked
            ARTICLES.add(withWord(SeedAnnotations.seed000(), "wire-" + WORD, "2024-11-22T09:00:00Z"));
            ARTICLES.add(withWord(SeedAnnotations.seed001(), "wire-" + WORD, "2022-01-06T18:00:00Z"));
            ARTICLES.add(withWord(SeedAnnotations.seed002(), "desk-" + WORD, "2022-01-09T10:00:00Z"));
            ARTICLES.add(withWord(SeedAnnotations.seed003(), "desk-" + WORD, "2022-02-01T10:00:00Z"));
            ARTICLES.add(withWord(SeedAnnotations.seed004(), "wire-" + WORD, "2022-01-05T08:00:00Z"));
            ARTICLES.add(withWord(SeedAnnotations.seed004(), "desk-" + WORD, "2022-01-06T08:00:00Z").language("de"));
            IndexedArticles.publishAndAwait(db, ARTICLES);
        }
    }

    /** The seed with {@link #WORD} in its title (the text keeps the seed's annotated offsets). */
    private static AnnotatedArticleBuilder withWord(AnnotatedArticleBuilder seed, String source, String published) {
        return seed.title("Filed under " + WORD + ": " + seed.text().lines().findFirst().orElseThrow().strip())
                .source(source).published(published);
    }

    private static JsonPath search(Map<String, Object> params) {
        return given().auth().oauth2(TOKENS.accessToken("reader")).queryParams(params)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    /** The matches of {@code q}, recounted: ranked as the API documents it, or newest first. */
    private List<String> recountIds(String q, boolean byDate) {
        String order = byDate ? "a.published_at DESC, a.id"
                : "ts_rank_cd(a.search, websearch_to_tsquery('english', ?) || websearch_to_tsquery('simple', ?), 32) DESC,"
                + " a.published_at DESC, a.id";
        List<Object> params = new ArrayList<>(List.of(q, q));
        if (!byDate) {
            params.addAll(List.of(q, q));
        }
        return db.list("SELECT a.id FROM articles a WHERE a.search @@ (websearch_to_tsquery('english', ?)"
                + " || websearch_to_tsquery('simple', ?)) ORDER BY " + order,
                row -> row.getObject(1, UUID.class).toString(), params.toArray());
    }

    /** Facet values and counts of the matches, recounted with one plain GROUP BY each. */
    private List<String> recountFacet(String q, String facet, String type) {
        String matches = "SELECT a.* FROM articles a WHERE a.search @@ (websearch_to_tsquery('english', ?)"
                + " || websearch_to_tsquery('simple', ?))";
        List<Object> params = new ArrayList<>(List.of(q, q));
        String sql = switch (facet) {
            case "entities" -> {
                if (type != null) {
                    params.add(type);
                }
                yield "SELECT e.id || ' ' || e.name || ' ' || e.type || ' ' || count(*) FROM (" + matches + ") m"
                        + " JOIN article_entities ae ON ae.article_id = m.id JOIN entities e ON e.id = ae.entity_id"
                        + " WHERE NOT e.blocked" + (type != null ? " AND e.type = ?" : "")
                        + " GROUP BY e.id, e.name, e.type ORDER BY count(*) DESC, e.name LIMIT 10";
            }
            case "sources" -> "SELECT m.source || ' ' || count(*) FROM (" + matches + ") m GROUP BY m.source"
                    + " ORDER BY count(*) DESC, m.source";
            case "languages" -> "SELECT m.language || ' ' || count(*) FROM (" + matches + ") m GROUP BY m.language"
                    + " ORDER BY count(*) DESC, m.language";
            default -> "SELECT month || ' ' || n FROM (SELECT to_char(m.published_at AT TIME ZONE 'UTC', 'YYYY-MM')"
                    + " AS month, count(*) AS n FROM (" + matches + ") m GROUP BY 1) x ORDER BY month DESC";
        };
        return db.list(sql, row -> row.getString(1), params.toArray());
    }

    private static List<String> facet(JsonPath result, String facet) {
        List<Map<String, Object>> rows = result.getList("facets." + facet);
        return rows.stream().map(row -> facet.equals("entities")
                ? row.get("id") + " " + row.get("name") + " " + row.get("type") + " " + row.get("count")
                : row.get("value") + " " + row.get("count")).toList();
    }

    private void assertFacetsAreARecount(JsonPath result, String q, String type) {
        for (String facet : List.of("entities", "sources", "languages", "months")) {
            assertThat(facet(result, facet)).as(facet + " of '" + q + "'").isEqualTo(recountFacet(q, facet, type));
        }
    }

    @Test
    void pageTotalAndFacetsAgreeWithARecountOfTheMatches() {
        for (String q : List.of(WORD, WORD + " Tokayev", WORD + " -Putin", WORD + " CSTO")) {
            JsonPath result = search(params("q", q, "size", 20));
            List<String> ids = recountIds(q, false);

            assertThat(result.getLong("total")).as("total of '" + q + "'").isEqualTo(ids.size());
            assertThat(result.getList("items.id", String.class)).as("ranking of '" + q + "'").isEqualTo(ids);
            assertFacetsAreARecount(result, q, null);
        }
        assertThat(recountIds(WORD, false)).hasSize(ARTICLES.size());
        assertThat(recountFacet(WORD, "sources", null)).hasSize(2);
        assertThat(recountFacet(WORD, "languages", null)).hasSize(2);
    }

    @Test
    void everyPageAndEitherSortKeepTheTotalAndTheFacetsOfAllMatches() {
        for (boolean byDate : List.of(false, true)) {
            List<String> ids = recountIds(WORD, byDate);
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                JsonPath result = search(params("q", WORD, "size", 2, "page", page,
                        "sort", byDate ? "date" : "relevance"));
                assertThat(result.getLong("total")).isEqualTo(ids.size());
                assertFacetsAreARecount(result, WORD, null);
                paged.addAll(result.getList("items.id", String.class));
            }
            // pages 0-2 hold all six; page 3 is past the last one and still carries the total and the facets
            assertThat(paged).isEqualTo(ids);
        }
    }

    @Test
    void theEntityFacetKeepsOnlyEntitiesOfTheRequestedType() {
        JsonPath result = search(params("q", WORD, "type", "PERSON"));

        assertThat(result.getList("facets.entities.type", String.class)).isNotEmpty().containsOnly("PERSON");
        assertFacetsAreARecount(result, WORD, "PERSON");
    }

    @Test
    void noMatchGivesAZeroTotalAndEmptyFacets() {
        JsonPath result = search(params("q", WORD + " zebraquagga"));

        assertThat(result.getLong("total")).isZero();
        assertThat(result.getList("items")).isEmpty();
        for (String facet : List.of("entities", "sources", "languages", "months")) {
            assertThat(result.getList("facets." + facet)).as(facet).isEmpty();
        }
    }
}
