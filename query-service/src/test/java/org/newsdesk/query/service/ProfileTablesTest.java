package org.newsdesk.query.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.contracts.Annotation.EntityType.LOCATION;
import static org.newsdesk.contracts.Annotation.EntityType.ORGANIZATION;
import static org.newsdesk.contracts.Annotation.EntityType.PERSON;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.query.AnnotatedArticleBuilder;
import org.newsdesk.query.Eventually;
import org.newsdesk.query.TestKafka;
import org.newsdesk.query.repository.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The precomputed profile tables ({@code entity_cooccurrence}, {@code quote_subjects}) always equal what they
 * are derived from, recomputed from scratch, through indexing, re-annotation, tombstones and every curation
 * that moves mentions (merge, split, block); and the profile shows what the old request-time queries showed.
 */
@QuarkusTest
class ProfileTablesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();

    /** Rows of entity_cooccurrence that a recount from article_entities would not give, and the reverse. */
    private static final String COOCCURRENCE_DRIFT = """
            WITH fresh AS (SELECT x.entity_id, y.entity_id AS other_id, count(*)::int AS articles
                           FROM article_entities x JOIN article_entities y
                             ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
                           GROUP BY 1, 2)
            SELECT count(*) FROM ((SELECT entity_id, other_id, articles FROM entity_cooccurrence EXCEPT ALL
                                   SELECT * FROM fresh)
                                  UNION ALL
                                  (SELECT * FROM fresh EXCEPT ALL
                                   SELECT entity_id, other_id, articles FROM entity_cooccurrence)) drift""";

    /** The same for quote_subjects against quotes and the mentions within their spans. */
    private static final String QUOTE_SUBJECT_DRIFT = """
            WITH fresh AS (SELECT DISTINCT m.entity_id, q.id AS quote_id, q.published_at
                           FROM quotes q JOIN mentions m ON m.article_id = q.article_id
                                AND m.start_offset >= q.start_offset AND m.end_offset <= q.end_offset)
            SELECT count(*) FROM ((SELECT entity_id, quote_id, published_at FROM quote_subjects EXCEPT ALL
                                   SELECT * FROM fresh)
                                  UNION ALL
                                  (SELECT * FROM fresh EXCEPT ALL
                                   SELECT entity_id, quote_id, published_at FROM quote_subjects)) drift""";

    @Inject
    Database db;

    private void index(AnnotatedArticleBuilder article) {
        TestKafka.publish(article.build());
        int revision = article.build().revision();
        Eventually.await("article " + article.articleId() + " indexed", WAIT,
                () -> db.one("SELECT revision FROM articles WHERE id = ?", row -> row.getInt(1), article.articleId()),
                stored -> stored.isPresent() && stored.get() == revision);
    }

    private void assertTablesMatchTheirSources(String after) {
        assertThat(db.one(COOCCURRENCE_DRIFT, row -> row.getLong(1)).orElseThrow())
                .as("entity_cooccurrence drift after %s", after).isZero();
        assertThat(db.one(QUOTE_SUBJECT_DRIFT, row -> row.getLong(1)).orElseThrow())
                .as("quote_subjects drift after %s", after).isZero();
    }

    private long entityOf(UUID articleId, String form) {
        List<Long> ids = db.list("SELECT DISTINCT entity_id FROM mentions WHERE article_id = ? AND text = ?",
                row -> row.getLong(1), articleId, form);
        assertThat(ids).as("entity of '%s'", form).hasSize(1);
        return ids.get(0);
    }

    private JsonPath profile(long id) {
        return given().auth().oauth2(TOKENS.accessToken("reader")).when().get("/api/v1/entities/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private long curate(long id, String action, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.accessToken("admin")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/entities/" + id + ":" + action)
                .then().statusCode(200).extract().jsonPath().getLong("id");
    }

    @Test
    void precomputedProfileTablesFollowIndexingReannotationTombstonesAndCuration() {
        String text = "Quillon Varkoddy of the Ostrava Pike Trust spoke in Zembla. "
                + "\"The Ostrava Pike Trust will rebuild the harbour,\" Varkoddy said. Varkoddy left Zembla at noon.";
        AnnotatedArticleBuilder first = AnnotatedArticleBuilder.of(text)
                .entity("e1", "Quillon Varkoddy", PERSON, "Quillon Varkoddy", "Varkoddy")
                .entity("e2", "Ostrava Pike Trust", ORGANIZATION, "Ostrava Pike Trust")
                .entity("e3", "Zembla", LOCATION, "Zembla")
                .quote("The Ostrava Pike Trust will rebuild the harbour,", "e1", "Varkoddy", "said");
        AnnotatedArticleBuilder second = AnnotatedArticleBuilder.of(
                        "Quillon Varkoddy returned to Zembla, where the Zembla Ferry Guild met him.")
                .entity("e1", "Quillon Varkoddy", PERSON, "Quillon Varkoddy")
                .entity("e3", "Zembla Ferry Guild", ORGANIZATION, "Zembla Ferry Guild")
                .entity("e2", "Zembla", LOCATION, "Zembla");
        index(first);
        index(second);
        assertTablesMatchTheirSources("indexing");

        long person = entityOf(first.articleId(), "Quillon Varkoddy");
        long trust = entityOf(first.articleId(), "Ostrava Pike Trust");
        long place = entityOf(first.articleId(), "Zembla");
        long guild = entityOf(second.articleId(), "Zembla Ferry Guild");
        JsonPath profile = profile(person);
        assertThat(profile.getList("cooccurring.id", Long.class)).containsExactly(place, trust, guild);
        assertThat(profile.getList("cooccurring.count", Long.class)).containsExactly(2L, 1L, 1L);
        assertThat(profile(trust).getList("quotesAbout.text", String.class))
                .containsExactly("The Ostrava Pike Trust will rebuild the harbour,");

        index(second.revision(2));
        assertTablesMatchTheirSources("re-annotation");

        curate(guild, "merge", Map.of("into", trust, "reason", "the same body"));
        assertTablesMatchTheirSources("merge");
        assertThat(profile(person).getList("cooccurring.id", Long.class)).containsExactly(trust, place);
        assertThat(profile(person).getList("cooccurring.count", Long.class)).containsExactly(2L, 2L);

        long surname = curate(person, "split", Map.of("aliases", List.of("Varkoddy"), "reason", "another person"));
        assertThat(surname).isNotEqualTo(person);
        assertTablesMatchTheirSources("split");

        curate(place, "block", Map.of("reason", "false positive"));
        assertTablesMatchTheirSources("block");
        assertThat(profile(person).getList("cooccurring.id", Long.class)).doesNotContain(place);

        TestKafka.awaitConsumed(TestKafka.tombstone(first.articleId()), WAIT);
        Eventually.await("article deleted", WAIT,
                () -> db.one("SELECT 1 FROM articles WHERE id = ?", row -> true, first.articleId()),
                java.util.Optional::isEmpty);
        assertTablesMatchTheirSources("tombstone");
        assertThat(profile(trust).getList("quotesAbout")).isEmpty();
    }
}
