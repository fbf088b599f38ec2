package org.newsdesk.ingest;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.newsdesk.devstack.KeycloakTokens;

import io.restassured.specification.RequestSpecification;

/** Requests as a given Keycloak user, and names unique to this test run (the stack and its data are shared). */
public final class IngestApi {

    public static final KeycloakTokens TOKENS = KeycloakTokens.forTests();
    /** Unique per JVM run: every source and externalId a test invents carries it. */
    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private IngestApi() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(TOKENS.accessToken(user));
    }

    /** The stored article as the API shows it. */
    public static io.restassured.path.json.JsonPath article(String id) {
        return as("reader").get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Waits until the service reports ready: just after start-up it is live but not yet ready while the language
     * models load in the background.
     */
    public static void awaitReady() {
        Eventually.await("readiness UP", java.time.Duration.ofMinutes(1),
                () -> given().get("/q/health/ready").statusCode(), code -> code == 200);
    }

    /** Waits until the article's status is one of the given ones; returns the article. */
    public static io.restassured.path.json.JsonPath awaitStatus(String id, java.time.Duration timeout, String... statuses) {
        java.util.List<String> wanted = java.util.List.of(statuses);
        return Eventually.await("article " + id + " in " + wanted, timeout, () -> article(id),
                a -> wanted.contains(a.getString("status")));
    }

    /** Posts plain text as the editor with the given externalId and source. */
    public static io.restassured.response.Response postText(String text, String externalId, String source) {
        RequestSpecification request = as("editor").contentType("text/plain; charset=UTF-8");
        if (externalId != null) {
            request = request.queryParam("externalId", externalId);
        }
        if (source != null) {
            request = request.queryParam("source", source);
        }
        return request.body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/articles");
    }

    /**
     * Text a previous run may have stored already (the seeds): if it comes back as an exact duplicate of a leftover,
     * the leftover is deleted and the text sent again, so the test sees a fresh article.
     */
    public static io.restassured.response.Response postFresh(String text, String externalId, String source) {
        io.restassured.response.Response response = postText(text, externalId, source);
        if (response.statusCode() == 200 && "DUPLICATE".equals(response.path("status"))) {
            as("admin").delete("/api/v1/articles/" + response.path("duplicateOf")).then().statusCode(204);
            response = postText(text, externalId, source);
        }
        return response;
    }

    public static String unique(String name) {
        return name + "-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** An article body no other test (or run) sends, so it is never an exact duplicate by accident. */
    public static String uniqueStory(String topic) {
        String token = UUID.randomUUID().toString();
        return "Council debates " + topic + " budget\n\n"
                + "The city council met on Tuesday to debate the " + topic + " budget for next year, reference " + token
                + ". Members argued for hours about the cost of new buses, the repair of old bridges and the salaries"
                + " of teachers in the northern districts.\n\n"
                + "The mayor said the plan would be published in full next week, after a final vote by the committee"
                + " on " + topic + " spending and a public hearing in the town hall on " + token.substring(0, 8) + ".";
    }
}
