package org.newsdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.newsdesk.devstack.ApiClient;
import org.newsdesk.devstack.ProjectLayout;

import com.fasterxml.jackson.databind.JsonNode;

/** The BBC News corpus, read from {@code ../shared/corpus/bbc-news.jsonl} beside the checkout; never copied into it. */
record BbcCorpus(List<Article> articles) {

    record Article(String id, String title, String text) {
    }

    static Path location() {
        String custom = System.getenv("NEWSDESK_BBC_CORPUS");
        return custom != null ? Path.of(custom) : ProjectLayout.root().resolveSibling("shared").resolve("corpus/bbc-news.jsonl");
    }

    static BbcCorpus load(int limit) throws IOException {
        Path file = location();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the BBC corpus is not at " + file + " (set NEWSDESK_BBC_CORPUS)");
        }
        List<Article> articles = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && articles.size() < limit) {
                JsonNode json = ApiClient.JSON.readTree(line);
                articles.add(new Article(json.path("id").asText(), json.path("title").asText(), json.path("text").asText()));
            }
        }
        return new BbcCorpus(List.copyOf(articles));
    }
}
