package org.newsdesk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Finds the seed articles and the shared BBC corpus from wherever Maven runs the tests. */
public final class TestData {

    /** One BBC article as stored in {@code bbc-news.jsonl}. */
    public record BbcArticle(String id, String title, String text, String topic) {
    }

    private TestData() {
    }

    /** The repository root: the first directory upwards that holds {@code seeds/}. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("seeds")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no seeds/ directory above " + Path.of("").toAbsolutePath());
    }

    /** The seed whose file name starts with the prefix ("004"). */
    public static String seed(String prefix) {
        try (Stream<Path> files = Files.list(repoRoot().resolve("seeds"))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed " + prefix));
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ../shared/corpus/bbc-news.jsonl} relative to the repository root. */
    public static Path bbcCorpus() {
        return repoRoot().resolve("../shared/corpus/bbc-news.jsonl").normalize();
    }

    public static List<BbcArticle> bbcArticles() {
        ObjectMapper json = new ObjectMapper();
        List<BbcArticle> articles = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(bbcCorpus(), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                articles.add(new BbcArticle(node.get("id").asText(), node.get("title").asText(),
                        node.get("text").asText(), node.get("topic").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    /** Whitespace-separated words, the unit of the "words kept" measure. */
    public static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
