package org.newsdesk.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.ingest.IngestApi.article;
import static org.newsdesk.ingest.IngestApi.postText;
import static org.newsdesk.ingest.IngestApi.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;
import org.newsdesk.ingest.TopicRecords;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An article near the 5 MB body limit is accepted, so its event must reach the real articles.ingested topic: far
 * above Kafka's 1 MB defaults for the producer's request and the topic's messages.
 */
@QuarkusTest
class LargeArticleEventTest {

    private static final String[] WORDS = ("the council minister said police report budget election city river bridge "
            + "school hospital workers strike talks agreement company shares profit market prices energy gas oil "
            + "protest government opposition court judge ruling appeal village farmers harvest storm flood rescue "
            + "officials confirmed statement spokesperson week month year northern southern eastern western region")
            .split(" ");

    /** About {@code bytes} of English-like text in distinct paragraphs (no repeated block for the cleaner to fold). */
    static String largeStory(int bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(bytes + 1000).append("Council publishes its long report ").append(seed).append("\n\n");
        int paragraph = 0;
        while (text.length() < bytes) {
            text.append("Paragraph ").append(++paragraph).append(": ");
            for (int sentence = 0; sentence < 5; sentence++) {
                int words = 8 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
                }
                text.setLength(text.length() - 1);
                text.append(random.nextInt(4) == 0 ? ", officials said " + random.nextInt(100000) + ". " : ". ");
            }
            text.setLength(text.length() - 1);
            text.append("\n\n");
        }
        return text.toString();
    }

    @Test
    void aFourAndAHalfMegabyteArticleReachesTheTopic() throws Exception {
        String story = largeStory(4_500_000, System.nanoTime());
        assertThat(story.getBytes(StandardCharsets.UTF_8).length).isBetween(4_500_000, 5_000_000);
        try (TopicRecords topic = TopicRecords.from(Topics.ARTICLES_INGESTED, Instant.now().minusSeconds(5))) {
            String id = postText(story, unique("large"), unique("large-source")).then().statusCode(202).extract().path("id");

            List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(id, 1, Duration.ofSeconds(90));

            assertThat(records).hasSize(1);
            assertThat(records.get(0).serializedValueSize()).isGreaterThan(4_000_000);
            ArticleIngested event = EventJson.mapper().readValue(records.get(0).value(), ArticleIngested.class);
            assertThat(event.articleId()).hasToString(id);
            assertThat(event.text()).hasSizeGreaterThan(4_000_000).isEqualTo(article(id).getString("cleanText"));
            assertThat(article(id).getString("status")).isNotEqualTo("FAILED");
        }
    }
}
