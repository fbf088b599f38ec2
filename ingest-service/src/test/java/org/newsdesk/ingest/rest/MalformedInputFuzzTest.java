package org.newsdesk.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.newsdesk.ingest.IngestApi.TOKENS;
import static org.newsdesk.ingest.IngestApi.uniqueStory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * Sends well over a thousand generated malformed requests (random bytes, truncated and mutated JSON, huge fields,
 * deep nesting, wrong content types, NDJSON and feed garbage, broken multipart) to every write endpoint and asserts
 * that each gets a 2xx or 4xx, never a 5xx, and that the service is still ready afterwards. The generator is seeded,
 * and a failure names the seed and the case so it can be replayed.
 */
@QuarkusTest
class MalformedInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20260105L);
    private static final int CASES = 1200;
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "text/html",
            "application/x-ndjson", "application/rss+xml", "application/xml", "application/octet-stream", "image/png",
            "text/plain; charset=utf-16", "text/plain; charset=nonsense-9", "application/json; charset=latin1",
            "multipart/form-data; boundary=xyz", "multipart/form-data", "///", "text/");
    private static final List<String> PATHS = List.of("/api/v1/articles", "/api/v1/articles:batch",
            "/api/v1/articles:upload", "/api/v1/feeds:import");

    private record Case(String kind, String path, String contentType, byte[] body) {
    }

    @Test
    void malformedBodiesNeverGetA5xxAndTheServiceStaysReady() {
        Random random = new Random(SEED);
        String token = TOKENS.accessToken("editor");
        RestAssuredConfig raw = RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        Map<String, Integer> byKind = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Case c = generate(random, i);
            Response response = given().config(raw).auth().oauth2(token).contentType(c.contentType())
                    .urlEncodingEnabled(false).body(c.body()).post(c.path());
            int status = response.statusCode();
            byKind.merge(c.kind(), 1, Integer::sum);
            byStatus.merge(status, 1, Integer::sum);
            if (status >= 500 || status < 200) {
                failures.add("case " + i + " (" + c.kind() + ", " + c.path() + ", " + c.contentType() + ", "
                        + c.body().length + " bytes) -> " + status + ": " + abbreviate(response.asString()));
            } else if (status >= 400) {
                assertThat(response.contentType()).as("case %d (%s) error body", i, c.kind())
                        .startsWith("application/problem+json");
            }
        }
        System.out.printf("fuzz seed %d: %d cases by kind %s, by status %s%n", SEED, CASES, byKind, byStatus);
        assertThat(failures).as("requests answered with 5xx (seed %d)", SEED).isEmpty();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(byStatus.keySet()).as("the generator reaches both accepting and rejecting paths")
                .anyMatch(s -> s >= 200 && s < 300).anyMatch(s -> s == 400).anyMatch(s -> s == 415);
    }

    private static Case generate(Random random, int i) {
        String path = PATHS.get(random.nextInt(PATHS.size()));
        String validJson = "{\"text\":\"" + uniqueStory("fuzz " + i).replace("\n", "\\n")
                + "\",\"title\":\"Fuzz " + i + "\",\"publishedAt\":\"2022-01-05T21:09:00Z\",\"externalId\":\"fuzz-" + i + "\"}";
        return switch (i % 10) {
            case 0 -> new Case("random-bytes", path, pick(random, CONTENT_TYPES), randomBytes(random, random.nextInt(3000)));
            case 1 -> {
                byte[] json = validJson.getBytes(StandardCharsets.UTF_8);
                yield new Case("truncated-json", path, jsonType(path), Arrays.copyOf(json, random.nextInt(json.length)));
            }
            case 2 -> {
                byte[] json = validJson.getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    json[random.nextInt(json.length)] = (byte) random.nextInt(256);
                }
                yield new Case("mutated-json", path, jsonType(path), json);
            }
            case 3 -> new Case("huge-field", "/api/v1/articles", "application/json", hugeField(random));
            case 4 -> {
                int depth = 500 + random.nextInt(200_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String nested = "{\"text\":" + open.repeat(depth) + "1";
                yield new Case("deep-nesting", random.nextBoolean() ? "/api/v1/articles" : "/api/v1/articles:batch",
                        random.nextBoolean() ? "application/json" : "application/x-ndjson",
                        nested.getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> new Case("wrong-content-type", path, pick(random, List.of("image/png", "application/pdf",
                    "text/csv", "application/json-patch+json", "audio/ogg", "", "x")), validJson.getBytes(StandardCharsets.UTF_8));
            case 6 -> new Case("ndjson-garbage", "/api/v1/articles:batch", "application/x-ndjson", ndjsonGarbage(random, validJson));
            case 7 -> new Case("feed-garbage", "/api/v1/feeds:import", pick(random, List.of("application/rss+xml",
                    "application/atom+xml", "application/xml")), feedGarbage(random));
            case 8 -> new Case("multipart-garbage", "/api/v1/articles:upload",
                    "multipart/form-data; boundary=" + (random.nextBoolean() ? "b" : "\"\""), multipartGarbage(random));
            default -> new Case("text-garbage", "/api/v1/articles", pick(random, List.of("text/plain", "text/html")),
                    textGarbage(random));
        };
    }

    private static String jsonType(String path) {
        return path.endsWith(":batch") ? "application/x-ndjson" : path.endsWith(":import") ? "application/rss+xml"
                : path.endsWith(":upload") ? "multipart/form-data; boundary=zz" : "application/json";
    }

    private static byte[] hugeField(Random random) {
        String field = pick(random, List.of("title", "externalId", "source", "url", "language", "publishedAt", "html", "text"));
        int size = field.equals("text") || field.equals("html") ? 10 + random.nextInt(200_000) : 1_000 + random.nextInt(300_000);
        String value = "x".repeat(size);
        String body = field.equals("text") ? "{\"text\":\"" + value + "\"}"
                : "{\"text\":\"Short story about the harbour and the storm.\",\"" + field + "\":\"" + value + "\"}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ndjsonGarbage(Random random, String validJson) {
        StringBuilder body = new StringBuilder();
        int lines = 1 + random.nextInt(8);
        for (int l = 0; l < lines; l++) {
            switch (random.nextInt(6)) {
                case 0 -> body.append(validJson.substring(0, random.nextInt(validJson.length())));
                case 1 -> body.append(new String(randomBytes(random, random.nextInt(200)), StandardCharsets.ISO_8859_1)
                        .replace('\n', ' '));
                case 2 -> body.append("null");
                case 3 -> body.append("{\"text\":[\"a\"],\"publishedAt\":{}}");
                case 4 -> body.append("{\"html\":\"<script>x</script>\"}");
                default -> body.append("{\"text\":\"").append("\\u0000\\ud800".repeat(1 + random.nextInt(5))).append("\"}");
            }
            body.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] feedGarbage(Random random) {
        List<String> docs = List.of("<rss version=\"2.0\"><channel><item><title>x</title></item>",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss><channel>&xxe;</channel></rss>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">&lt;p&gt;",
                "<?xml version=\"1.0\" encoding=\"klingon\"?><rss/>",
                "<rss version=\"2.0\"><channel><item><description></description></item></channel></rss>",
                "not xml at all", "");
        String doc = pick(random, docs);
        if (random.nextBoolean()) {
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            return bytes;
        }
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipartGarbage(Random random) {
        String body = switch (random.nextInt(4)) {
            case 0 -> "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhello";
            case 1 -> "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../etc/x.json\"\r\n\r\n{bad\r\n--b--\r\n";
            case 2 -> "--b--\r\n";
            default -> new String(randomBytes(random, random.nextInt(500)), StandardCharsets.ISO_8859_1);
        };
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] textGarbage(Random random) {
        List<String> texts = List.of("<script>alert(1)</script>", "<iframe src=x></iframe><p onmouseover=y>", "\u0000\u0000",
                "<html><body><div>" + "<div>".repeat(5000) + "deep", "\t \n \r\n", "...", "<<<>>>", "&#0;&#xD800;",
                "\uFEFF\uFEFF");
        return pick(random, texts).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
