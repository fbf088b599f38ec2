package org.newsdesk.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIndexed;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;
import org.newsdesk.devstack.Devstack;

/** Plays the later pipeline stages in tests: publishes what nlp-service and query-service (or their DLQs) would. */
public final class PipelineEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public PipelineEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.forProfile("test").settings().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    /**
     * A complete, valid annotation event carrying the ingested article (as a real nlp-service would send it), so that
     * another service consuming the shared topic processes it normally instead of dead-lettering it.
     */
    public void annotated(ArticleIngested article) throws Exception {
        Annotation annotation = new Annotation(article.language(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), new float[] {0.6f, 0.8f}, List.of(), List.of("annotated by the ingest-service test"));
        send(Topics.ARTICLES_ANNOTATED, article.articleId(), EventJson.mapper().writeValueAsBytes(new ArticleAnnotated(
                ArticleAnnotated.SCHEMA_VERSION, article.articleId(), article.revision(), "test", Instant.now(), article,
                annotation)), null);
    }

    public void indexed(UUID articleId, int revision) throws Exception {
        send(Topics.ARTICLES_INDEXED, articleId, EventJson.mapper().writeValueAsBytes(
                new ArticleIndexed(ArticleIndexed.SCHEMA_VERSION, articleId, revision, Instant.now())), null);
    }

    /** A dead-letter record as SmallRye writes it: the original value, the reason in a header. */
    public void deadLetter(String topic, UUID articleId, byte[] originalValue, String reason) throws Exception {
        send(topic, articleId, originalValue, reason);
    }

    private void send(String topic, UUID key, byte[] value, String deadLetterReason) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(), value);
        if (deadLetterReason != null) {
            record.headers().add("dead-letter-reason", deadLetterReason.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-topic", topic.replace(Topics.DLQ_SUFFIX, "").getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
