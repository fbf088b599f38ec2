package org.newsdesk.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.nlp.ServiceReadiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AnnotateResourceTest {

    static final KeycloakTokens TOKENS = KeycloakTokens.forTests();

    static final String TEXT = """
            ALMATY – Kazakh President Kassym-Jomart Tokayev said on Friday that order had been restored.

            “We will prevail,” Tokayev said in a televised address on Jan. 7, adding that more than 3,000 people had been detained.
            """;

    @ConfigProperty(name = "newsdesk.nlp.max-text-bytes")
    int maxTextBytes;

    @BeforeEach
    void modelsLoaded() {
        ServiceReadiness.await();
    }

    @Test
    void annotateWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(Map.of("text", TEXT))
                .when().post("/api/v1/annotate")
                .then().statusCode(401);
    }

    @Test
    void readerGetsTheAnnotationContractWithOffsetsIntoTheText() throws Exception {
        String body = given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", TEXT, "publishedAt", "2022-01-07T12:00:00+06:00", "language", "en"))
                .when().post("/api/v1/annotate")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();

        JsonNode json = EventJson.mapper().readTree(body);
        assertThat(annotationSchema().validate(json)).as("violations of the annotation schema").isEmpty();
        Annotation annotation = EventJson.mapper().treeToValue(json, Annotation.class);
        assertThat(annotation.language()).isEqualTo("en");
        assertThat(annotation.entities()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(Annotation.EntityType.PERSON);
            assertThat(e.name()).contains("Tokayev");
        });
        assertThat(annotation.quotes()).anySatisfy(q -> assertThat(q.text()).contains("We will prevail"));
        for (Annotation.Quote q : annotation.quotes()) {
            assertThat(TEXT.substring(q.start(), q.end())).contains(q.text());
        }
        for (Annotation.Span s : annotation.sentences()) {
            assertThat(s.start()).isLessThan(s.end());
            assertThat(s.end()).isLessThanOrEqualTo(TEXT.length());
        }
        assertThat(annotation.embedding()).isNotEmpty();
    }

    @Test
    void emptyTextIsABadRequestProblem() {
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", "  \n "))
                .when().post("/api/v1/annotate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("text"));
    }

    @Test
    void missingTextOrMalformedJsonIsABadRequest() {
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("language", "en"))
                .when().post("/api/v1/annotate")
                .then().statusCode(400);
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body("{\"text\": \"unterminated")
                .when().post("/api/v1/annotate")
                .then().statusCode(400);
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body("{\"text\": \"Tokayev spoke.\", \"publishedAt\": \"last Friday\"}")
                .when().post("/api/v1/annotate")
                .then().statusCode(400);
    }

    @Test
    void textOverTheSizeCapIsContentTooLarge() {
        // Multi-byte characters: the cap counts UTF-8 bytes, not characters.
        String text = "Алматы. ".repeat(maxTextBytes / "Алматы. ".getBytes(StandardCharsets.UTF_8).length + 1);
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/v1/annotate")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("limit is " + maxTextBytes));
    }

    @Test
    void eachSynchronousAnnotationIsCountedWithItsTokensAndTimed() {
        double articles = metric("newsdesk_annotation_articles_total{source=\"http\"");
        double tokens = metric("newsdesk_annotation_tokens_total{source=\"http\"");
        double timed = metric("newsdesk_annotation_duration_seconds_count{source=\"http\"");

        given().auth().oauth2(TOKENS.accessToken("reader"))
                .contentType(ContentType.JSON).body(Map.of("text", TEXT))
                .when().post("/api/v1/annotate")
                .then().statusCode(200);

        assertThat(metric("newsdesk_annotation_articles_total{source=\"http\"")).isEqualTo(articles + 1);
        assertThat(metric("newsdesk_annotation_duration_seconds_count{source=\"http\"")).isEqualTo(timed + 1);
        assertThat(metric("newsdesk_annotation_tokens_total{source=\"http\"") - tokens)
                .as("word tokens of the text").isBetween(25.0, 40.0);
    }

    /** The value of the first Prometheus sample whose line starts with {@code prefix}; 0 when there is none yet. */
    static double metric(String prefix) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** The annotation part of the event schema: its definitions, with the annotation as the root. */
    static JsonSchema annotationSchema() throws Exception {
        try (InputStream in = AnnotateResourceTest.class.getResourceAsStream("/schemas/article-annotated.v1.schema.json")) {
            assertThat(in).isNotNull();
            JsonNode events = EventJson.mapper().readTree(in);
            ObjectNode root = EventJson.mapper().createObjectNode();
            root.set("$schema", events.get("$schema"));
            root.set("$defs", events.get("$defs"));
            root.put("$ref", "#/$defs/annotation");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        }
    }
}
