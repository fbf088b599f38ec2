package org.newsdesk.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.nlp.ServiceReadiness;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code POST /api/v1/embed} against the real model and real Keycloak tokens. */
@QuarkusTest
class EmbedResourceTest {

    static final KeycloakTokens TOKENS = KeycloakTokens.forTests();

    static final String PARAGRAPH = "Prices of liquefied gas rose by 15 percent to 120 tenge a litre, the Ministry of Energy said.";

    @ConfigProperty(name = "newsdesk.nlp.max-embed-bytes")
    int maxEmbedBytes;

    @BeforeEach
    void modelsLoaded() {
        ServiceReadiness.await();
    }

    private static float[] embed(String text) {
        JsonPath json = given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/v1/embed")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        return toArray(json.getList("vector", Float.class));
    }

    private static float[] toArray(List<Float> values) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i);
        }
        return vector;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void embedWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(Map.of("text", "gas prices"))
                .when().post("/api/v1/embed")
                .then().statusCode(401);
    }

    @Test
    void readerGetsTheModelDimensionAndANormalisedVector() {
        JsonPath json = given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", "fuel costs in Kazakhstan"))
                .when().post("/api/v1/embed")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("model", equalTo("all-MiniLM-L6-v2-q"))
                .body("dimension", equalTo(384))
                .extract().jsonPath();
        float[] vector = toArray(json.getList("vector", Float.class));
        assertThat(vector).hasSize(384);
        assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void theQueryVectorLivesInTheSpaceOfTheParagraphVectors() {
        // The annotation's paragraph vector of a one-paragraph text is the vector /embed gives for the same text.
        JsonPath annotation = given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", PARAGRAPH, "language", "en"))
                .when().post("/api/v1/annotate")
                .then().statusCode(200).extract().jsonPath();
        float[] paragraph = toArray(annotation.getList("paragraphEmbeddings[0].vector", Float.class));
        assertThat(dot(embed(PARAGRAPH), paragraph)).isGreaterThan(0.999);

        // and a query about the paragraph's subject is nearer to it than one about something else
        assertThat(dot(embed("fuel costs went up"), paragraph))
                .isGreaterThan(dot(embed("football match result"), paragraph));
    }

    @Test
    void blankOrMissingTextIsABadRequestProblem() {
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", "  \n "))
                .when().post("/api/v1/embed")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("text"));
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/embed")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void textOverTheEmbedCapIsContentTooLarge() {
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", "gas ".repeat(maxEmbedBytes / 4 + 1)))
                .when().post("/api/v1/embed")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("limit is " + maxEmbedBytes));
    }
}
