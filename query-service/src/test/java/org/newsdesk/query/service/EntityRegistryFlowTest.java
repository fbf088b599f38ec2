package org.newsdesk.query.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import org.newsdesk.query.SeedAnnotations;
import org.newsdesk.query.TestKafka;
import org.newsdesk.query.repository.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Cross-document entity resolution end to end: seed-like articles go through Kafka, the registry merges
 * what names the same thing, and an admin's split survives the article being annotated again.
 */
@QuarkusTest
class EntityRegistryFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();

    @Inject
    Database db;

    private void index(AnnotatedArticleBuilder... articles) {
        for (AnnotatedArticleBuilder article : articles) {
            TestKafka.publish(article.build());
        }
        for (AnnotatedArticleBuilder article : articles) {
            Eventually.await("article " + article.articleId() + " indexed", WAIT,
                    () -> db.one("SELECT revision FROM articles WHERE id = ?", row -> row.getInt(1), article.articleId()),
                    stored -> stored.isPresent() && stored.get() == article.build().revision());
        }
    }

    /** The canonical entity each mention written {@code form} in the article points to. */
    private List<Long> entitiesOfMentions(UUID articleId, String form) {
        return db.list("SELECT DISTINCT entity_id FROM mentions WHERE article_id = ? AND text = ?",
                row -> row.getLong(1), articleId, form);
    }

    private long entityOf(UUID articleId, String form) {
        List<Long> ids = entitiesOfMentions(articleId, form);
        assertThat(ids).as("entity of '%s' in %s", form, articleId).hasSize(1);
        return ids.get(0);
    }

    @Test
    void tokayevSpellingsInTheSeedArticlesBecomeOneEntity() {
        AnnotatedArticleBuilder s000 = SeedAnnotations.seed000();
        AnnotatedArticleBuilder s001 = SeedAnnotations.seed001();
        AnnotatedArticleBuilder s002 = SeedAnnotations.seed002();
        AnnotatedArticleBuilder s003 = SeedAnnotations.seed003();
        AnnotatedArticleBuilder s004 = SeedAnnotations.seed004();
        AnnotatedArticleBuilder otherSpelling = AnnotatedArticleBuilder.of(
                "Kasym-Zhomart Tokaev met the cabinet on Monday. Tokaev said the state of emergency would end soon.")
                .entity("e1", "Kasym-Zhomart Tokaev", PERSON, "Kasym-Zhomart Tokaev", "Tokaev");
        index(s000, s001, s002, s003, s004, otherSpelling);

        long tokayev = entityOf(s000.articleId(), "Kassym-Jomart Tokayev");
        assertThat(entityOf(s001.articleId(), "President Tokayev")).isEqualTo(tokayev);
        assertThat(entityOf(s002.articleId(), "Tokayev")).isEqualTo(tokayev);
        assertThat(entityOf(s003.articleId(), "Kassym-Jomart Tokayev")).isEqualTo(tokayev);
        assertThat(entityOf(s004.articleId(), "Kassym-Zhomart Tokayev")).isEqualTo(tokayev);
        assertThat(entityOf(s004.articleId(), "Tokayev")).isEqualTo(tokayev);
        assertThat(entityOf(otherSpelling.articleId(), "Kasym-Zhomart Tokaev")).isEqualTo(tokayev);

        List<String> reasons = db.list("""
                SELECT reason FROM entity_merges WHERE to_entity_id = ? AND action = 'RESOLVE' AND alias = ?""",
                row -> row.getString(1), tokayev, "Kassym-Zhomart Tokayev");
        assertThat(reasons).containsExactly("TRANSLITERATION");

        Map<String, Object> profile = given().auth().oauth2(TOKENS.accessToken("reader"))
                .when().get("/api/v1/entities/" + tokayev)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(profile.get("name")).isEqualTo("Kassym-Jomart Tokayev");
        assertThat(((Number) profile.get("articleCount")).longValue()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void cstoAndCollectiveSecurityTreatyOrganisationBecomeOneEntity() {
        AnnotatedArticleBuilder s001 = SeedAnnotations.seed001();
        AnnotatedArticleBuilder s004 = SeedAnnotations.seed004();
        AnnotatedArticleBuilder americanSpelling = AnnotatedArticleBuilder.of(
                "Troops of the Collective Security Treaty Organization began to leave Almaty on Thursday.")
                .entity("e1", "Collective Security Treaty Organization", ORGANIZATION,
                        "Collective Security Treaty Organization");
        index(s001, s004, americanSpelling);

        long csto = entityOf(s001.articleId(), "CSTO");
        assertThat(entityOf(s004.articleId(), "Collective Security Treaty Organisation")).isEqualTo(csto);
        assertThat(entityOf(s004.articleId(), "CSTO")).isEqualTo(csto);
        assertThat(entityOf(americanSpelling.articleId(), "Collective Security Treaty Organization")).isEqualTo(csto);
    }

    @Test
    void adminSplitSurvivesReannotationOfTheArticle() {
        AnnotatedArticleBuilder original = SeedAnnotations.seed002();
        AnnotatedArticleBuilder variant = AnnotatedArticleBuilder.of(
                "Askar Mamyn, the former prime minister, was seen in Nur-Sultan. Askar Mamyn declined to comment.")
                .published("2022-01-10T09:00:00Z")
                .entity("e1", "Askar Mamyn", PERSON, "Askar Mamyn");
        index(original, variant);
        long mamin = entityOf(original.articleId(), "Askar Mamin");
        assertThat(entityOf(variant.articleId(), "Askar Mamyn")).as("merged by transliteration").isEqualTo(mamin);

        long split = given().auth().oauth2(TOKENS.accessToken("admin")).contentType(ContentType.JSON)
                .body(Map.of("aliases", List.of("Askar Mamyn"), "reason", "a different person"))
                .when().post("/api/v1/entities/" + mamin + ":split")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(split).isNotEqualTo(mamin);
        assertThat(entityOf(variant.articleId(), "Askar Mamyn")).isEqualTo(split);

        index(variant.id(variant.articleId()).revision(2));
        index(original.id(original.articleId()).revision(2));

        assertThat(entityOf(variant.articleId(), "Askar Mamyn")).as("after re-annotation").isEqualTo(split);
        assertThat(entityOf(original.articleId(), "Askar Mamin")).isEqualTo(mamin);
        List<String> history = given().auth().oauth2(TOKENS.accessToken("reader"))
                .when().get("/api/v1/entities/" + split)
                .then().statusCode(200).extract().jsonPath().getList("history.action");
        assertThat(history).contains("SPLIT");
    }
}
