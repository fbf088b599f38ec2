package org.newsdesk.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.contracts.Topics;

/**
 * The test's side of Kafka: produces {@code articles.annotated} events as nlp-service would, reads other
 * topics from their end with a consumer of its own, and tells when the service's consumer group has
 * committed past a record (so a test knows a delivery that changes nothing was processed).
 */
public final class TestKafka {

    private TestKafka() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String serviceGroup() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.articles-annotated.group.id", String.class);
    }

    private static volatile boolean assigned;

    public static RecordMetadata publish(ArticleAnnotated event) {
        try {
            return send(event.articleId().toString(), EventJson.mapper().writeValueAsBytes(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RecordMetadata tombstone(UUID articleId) {
        return send(articleId.toString(), null);
    }

    public static RecordMetadata send(String key, byte[] value) {
        if (!assigned) {
            awaitServiceAssigned(Duration.ofSeconds(90));
            assigned = true;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            return producer.send(new ProducerRecord<>(Topics.ARTICLES_ANNOTATED, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not produce to " + Topics.ARTICLES_ANNOTATED, e);
        }
    }

    /** Waits until the service committed the record's offset, i.e. processed it (commits are periodic). */
    public static void awaitConsumed(RecordMetadata record, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(props)) {
            Eventually.await("offset " + record.offset() + " of " + partition + " committed", timeout, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(serviceGroup())
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    OffsetAndMetadata committed = offsets.get(partition);
                    return committed == null ? -1L : committed.offset();
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    throw new IllegalStateException(e);
                }
            }, committed -> committed > record.offset());
        }
    }

    /**
     * Waits until the service's consumer owns every partition of {@code articles.annotated}: the test
     * profile starts reading at the end of the shared topic, so events sent earlier would be missed.
     */
    public static void awaitServiceAssigned(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(props)) {
            Eventually.await("partitions of " + Topics.ARTICLES_ANNOTATED + " assigned to " + serviceGroup(), timeout, () -> {
                try {
                    var group = admin.describeConsumerGroups(List.of(serviceGroup())).all().get(10, TimeUnit.SECONDS)
                            .get(serviceGroup());
                    int partitions = admin.describeTopics(List.of(Topics.ARTICLES_ANNOTATED)).allTopicNames()
                            .get(10, TimeUnit.SECONDS).get(Topics.ARTICLES_ANNOTATED).partitions().size();
                    long assigned = group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                            .filter(p -> p.topic().equals(Topics.ARTICLES_ANNOTATED)).count();
                    return assigned == partitions;
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    return false;
                }
            }, assigned -> assigned);
        }
        try {
            // the consumer resolves its start offsets on its next poll after the assignment
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reader of one topic from its current end: sees only what is written after it was opened. */
    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        public Reader(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "query-test-reader-" + UUID.randomUUID());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        }

        /** Polls until {@code count} records with this key arrived (or the timeout); returns those seen. */
        public List<ConsumerRecord<String, byte[]>> awaitKey(String key, int count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<ConsumerRecord<String, byte[]>> matching = seen.stream().filter(r -> key.equals(r.key())).toList();
                if (matching.size() >= count || System.nanoTime() > deadline) {
                    return matching;
                }
                consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
