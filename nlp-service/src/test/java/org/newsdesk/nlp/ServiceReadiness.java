package org.newsdesk.nlp;

import static io.restassured.RestAssured.given;

import java.time.Duration;

/**
 * Waits for the service under test to be ready: until its models have loaded, readiness is DOWN, the Kafka consumer
 * is paused and {@code /api/v1/annotate} answers 503. Asked again each time (it is cheap once UP) because other
 * modules' tests stop and restart the shared Kafka, which takes readiness DOWN for a while.
 */
public final class ServiceReadiness {

    private ServiceReadiness() {
    }

    public static void await() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            int status = given().when().get("/q/health/ready").then().extract().statusCode();
            if (status == 200) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the service did not become ready within 5 minutes: "
                + given().when().get("/q/health/ready").then().extract().asString());
    }

    public static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
