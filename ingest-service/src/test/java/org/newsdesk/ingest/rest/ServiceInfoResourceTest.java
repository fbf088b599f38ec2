package org.newsdesk.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.ingest.IngestApi;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceInfoResourceTest {

    static final KeycloakTokens TOKENS = KeycloakTokens.forTests();

    @Test
    void apiWithoutATokenIsUnauthorized() {
        given().when().get("/api/v1/info").then().statusCode(401);
    }

    @Test
    void readerTokenIsAcceptedAndCarriesItsRoles() {
        given().auth().oauth2(TOKENS.accessToken("reader"))
                .when().get("/api/v1/info")
                .then().statusCode(200)
                .body("service", equalTo("ingest-service"))
                .body("user", equalTo("reader"))
                .body("roles", hasItem("reader"));
    }

    @Test
    void forgedTokenIsUnauthorized() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/api/v1/info").then().statusCode(401);
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        IngestApi.awaitReady();
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
