package org.newsdesk.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends files to ingest-service the way a newsroom would: text, HTML and JSON files one by one, NDJSON as a
 * batch, RSS/Atom as a feed import. Each file's name (without extension) is its externalId, so sending
 * the same folder twice adds nothing. Prints a progress bar and a summary with every failure's reason.
 */
final class ArticleUploader {

    record Outcome(String file, String status, String id, String reason) {
    }

    private final ApiClient api;
    private final String ingestUrl;
    private final String source;
    private final PrintStream out;

    ArticleUploader(ApiClient api, String ingestUrl, String source, PrintStream out) {
        this.api = api;
        this.ingestUrl = ingestUrl;
        this.source = source;
        this.out = out;
    }

    static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ArticleUploader::supported).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + path);
            }
        }
        return files;
    }

    private static boolean supported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Stream.of(".txt", ".html", ".htm", ".json", ".ndjson", ".jsonl", ".xml", ".rss", ".atom").anyMatch(name::endsWith);
    }

    List<Outcome> upload(List<Path> files) throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        int done = 0;
        for (Path file : files) {
            outcomes.addAll(send(file));
            done++;
            progress(done, files.size(), outcomes);
        }
        out.println();
        summarise(outcomes);
        return outcomes;
    }

    private List<Outcome> send(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String externalId = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String articles = ingestUrl + "/api/v1/articles";
        try {
            if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
                return batchOutcomes(name, api.post(articles + ":batch", "application/x-ndjson", content));
            }
            if (lower.endsWith(".xml") || lower.endsWith(".rss") || lower.endsWith(".atom")) {
                return batchOutcomes(name, api.post(ingestUrl + "/api/v1/feeds:import", "application/xml", content));
            }
            ObjectNode body;
            if (lower.endsWith(".json")) {
                body = (ObjectNode) ApiClient.JSON.readTree(content);
            } else {
                body = ApiClient.JSON.createObjectNode().put(lower.endsWith(".txt") ? "text" : "html", content);
            }
            if (!body.hasNonNull("externalId")) {
                body.put("externalId", externalId);
            }
            if (!body.hasNonNull("source")) {
                body.put("source", source);
            }
            return List.of(outcome(name, api.post(articles, "application/json", body.toString())));
        } catch (IOException | ClassCastException e) {
            return List.of(new Outcome(name, "FAILED", null, e.getMessage()));
        }
    }

    private static Outcome outcome(String file, ApiClient.Reply reply) {
        JsonNode json = reply.json();
        if (!reply.ok()) {
            return new Outcome(file, "FAILED", null, reply.status() + " " + json.path("detail").asText(reply.body()));
        }
        String status = json.path("status").asText("ACCEPTED");
        // 200 without DUPLICATE: the same (source, externalId) was ingested before and nothing was added
        return new Outcome(file, reply.status() == 200 && !status.equals("DUPLICATE") ? "EXISTING" : status,
                json.path("id").asText(null), null);
    }

    private static List<Outcome> batchOutcomes(String file, ApiClient.Reply reply) {
        if (!reply.ok()) {
            return List.of(outcome(file, reply));
        }
        List<Outcome> outcomes = new ArrayList<>();
        JsonNode items = reply.json().isArray() ? reply.json() : reply.json().path("items");
        if (items.isMissingNode() || items.isEmpty()) {
            // NDJSON answers: one JSON object per line
            for (String line : reply.body().split("\n")) {
                if (!line.isBlank()) {
                    try {
                        JsonNode item = ApiClient.JSON.readTree(line);
                        outcomes.add(lineOutcome(file, item));
                    } catch (IOException e) {
                        outcomes.add(new Outcome(file, "FAILED", null, "unreadable answer line: " + line));
                    }
                }
            }
        } else {
            items.forEach(item -> outcomes.add(lineOutcome(file, item)));
        }
        return outcomes;
    }

    private static Outcome lineOutcome(String file, JsonNode item) {
        int status = item.path("status").isInt() ? item.path("status").asInt() : 0;
        if (status >= 400 || item.has("detail") && !item.has("id")) {
            return new Outcome(file, "FAILED", null, item.path("detail").asText(item.toString()));
        }
        return new Outcome(file, item.path("status").asText("ACCEPTED"), item.path("id").asText(null), null);
    }

    private void progress(int done, int total, List<Outcome> outcomes) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        Map<String, Long> counts = counts(outcomes);
        out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " files  " + counts);
        out.flush();
    }

    private static Map<String, Long> counts(List<Outcome> outcomes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            String key = switch (o.status()) {
                case "DUPLICATE" -> "duplicate";
                case "EXISTING" -> "already ingested";
                case "FAILED" -> "failed";
                default -> "accepted";
            };
            counts.merge(key, 1L, Long::sum);
        }
        return counts;
    }

    private void summarise(List<Outcome> outcomes) {
        Map<String, Long> counts = counts(outcomes);
        out.printf("accepted %d, duplicate %d, already ingested %d, failed %d%n", counts.getOrDefault("accepted", 0L),
                counts.getOrDefault("duplicate", 0L), counts.getOrDefault("already ingested", 0L), counts.getOrDefault("failed", 0L));
        outcomes.stream().filter(o -> o.status().equals("FAILED"))
                .forEach(o -> out.println("  failed: " + o.file() + ": " + o.reason()));
    }
}
