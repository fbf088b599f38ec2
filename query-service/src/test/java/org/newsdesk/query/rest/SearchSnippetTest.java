package org.newsdesk.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.query.AnnotatedArticleBuilder;
import org.newsdesk.query.IndexedArticles;
import org.newsdesk.query.mapping.SnippetMarkup;
import org.newsdesk.query.repository.Database;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Search snippets come from a window of the text around the first match (newsdesk_headline, migration V3): they
 * must still highlight a match that lies far into a long text, show the whole of a query that combines words, and
 * stay what ts_headline gives for short texts.
 */
@QuarkusTest
class SearchSnippetTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTests();
    private static final String OPTIONS = "StartSel=[,StopSel=],MaxFragments=2,MaxWords=30,MinWords=12";

    @Inject
    Database db;

    /** About {@code chars} characters of sentences that hold none of the words searched for here. */
    private static String filler(int chars) {
        String[] sentences = {"The committee met on Tuesday to discuss the harbour budget. ",
                "Residents of the valley said the new road had shortened their journeys. ",
                "A spokesman for the council declined to comment on the timetable. ",
                "Engineers expect the bridge repairs to last until the spring. "};
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < chars; i++) {
            text.append(sentences[i % sentences.length]);
            if (i % 7 == 6) {
                text.append("\n\n");
            }
        }
        return text.toString();
    }

    private String headline(String text, String query) {
        return db.one("SELECT newsdesk_headline('english', ?, websearch_to_tsquery('english', ?), ?, '[')",
                row -> row.getString(1), text, query, OPTIONS).orElseThrow();
    }

    private String tsHeadline(String text, String query) {
        return db.one("SELECT ts_headline('english', ?, websearch_to_tsquery('english', ?), ?)",
                row -> row.getString(1), text, query, OPTIONS).orElseThrow();
    }

    @Test
    void aMatchFarIntoALongTextIsHighlightedFromAShortWindow() {
        String text = filler(20_000) + "The tanker carried liquefied gas to the northern port. " + filler(3_000);

        String snippet = headline(text, "liquefied");

        assertThat(snippet).contains("[liquefied]").contains("tanker carried");
        assertThat(snippet.length()).isLessThan(600);
    }

    @Test
    void aQueryOfSeveralWordsIsShownWhereAllOfThemAre() {
        // "oil" alone comes first; the window there does not hold "prices", so the snippet comes from the whole text
        String text = "Oil was found in the garden. " + filler(12_000)
                + "Analysts said oil prices rose sharply on Monday. " + filler(2_000);

        String snippet = headline(text, "oil prices");

        assertThat(snippet).contains("[oil]").contains("[prices]");
        assertThat(snippet).isEqualTo(tsHeadline(text, "oil prices"));
    }

    @Test
    void shortTextsGetExactlyTheHeadlineOfTheWholeText() {
        String text = filler(600) + "The tanker carried liquefied gas to the northern port. " + filler(600);

        assertThat(headline(text, "liquefied gas")).isEqualTo(tsHeadline(text, "liquefied gas"));
    }

    @Test
    void searchShowsAMarkedSnippetForAWordDeepInALongArticle() {
        String source = "snippet-" + UUID.randomUUID().toString().substring(0, 8);
        AnnotatedArticleBuilder article = AnnotatedArticleBuilder.of(
                        filler(15_000) + "Divers recovered a bronze astrolabe from the wreck. " + filler(4_000))
                .title("Harbour works continue").source(source);
        IndexedArticles.publishAndAwait(db, List.of(article));

        String snippet = given().auth().oauth2(TOKENS.accessToken("reader"))
                .queryParam("q", "astrolabe").queryParam("source", source)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getString("items[0].snippet");

        assertThat(snippet).contains("<mark>astrolabe</mark>").contains("bronze").doesNotContain(SnippetMarkup.START);
    }
}
