package org.newsdesk.nlp.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.nlp.ServiceReadiness;

/**
 * The tests' own Kafka clients on the shared test stack: a producer of raw records and watchers that read a topic
 * from "now" on and pick out the records of the keys a test created. Never a consumer group of its own that could
 * take partitions from anyone: watchers assign partitions explicitly.
 */
final class TestTopics {

    static final Path SEEDS = Path.of("../seeds");

    private static KafkaProducer<String, byte[]> producer;

    private TestTopics() {
    }

    /**
     * The topic the service under test consumes: in the test profile a topic of this module's tests only
     * ({@code %test.mp.messaging.incoming.articles-ingested.topic}), because the shared {@code articles.ingested}
     * receives other modules' bulk loads, thousands of articles that an instance would have to annotate, in order,
     * before reaching a test's own. Kafka creates it with the broker's 6 partitions on first use.
     */
    static String ingested() {
        return ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming.articles-ingested.topic", String.class);
    }

    static String bootstrap() {
        return Devstack.forProfile("test").settings().kafkaBootstrap();
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    /** Sends and waits for the broker's acknowledgement; {@code partition} null lets the key decide. */
    static void send(String topic, Integer partition, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("could not publish to " + topic, e.getCause());
        }
    }

    static void sendArticle(Integer partition, ArticleIngested article) {
        send(ingested(), partition, article.articleId().toString(), json(article));
    }

    static byte[] json(Object event) {
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArticleIngested article(UUID id, String title, String text) {
        return new ArticleIngested(ArticleIngested.SCHEMA_VERSION, id, 1, "nlp-test-" + id, "nlp-service-test",
                "https://example.org/nlp-test/" + id, title, null, "en", OffsetDateTime.parse("2022-01-07T10:00:00+06:00"),
                text, "0".repeat(64), null, Instant.now(), List.of());
    }

    /** The text of the seed whose file name starts with {@code number}, e.g. "001". */
    static String seed(String number) {
        try (Stream<Path> files = Files.list(SEEDS)) {
            Path seed = files.filter(p -> p.getFileName().toString().startsWith(number + "_")).findFirst()
                    .orElseThrow(() -> new AssertionError("no seed " + number + " in " + SEEDS.toAbsolutePath()));
            return Files.readString(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile boolean consuming;

    /**
     * Waits until the service under test consumes every partition of {@link #ingested()}: its group starts at
     * the end of the topic, so a record published before a partition's position is fixed would be skipped. Sends a
     * short probe article to each partition, again every few seconds, until each one came out annotated.
     */
    static synchronized void awaitConsumingEveryPartition() {
        if (consuming) {
            return;
        }
        ServiceReadiness.await();
        ensureExists(ingested());
        try (Watcher annotated = new Watcher("articles.annotated", TestTopics::fromThisRun)) {
            Set<Integer> pending = new TreeSet<>();
            for (int p = 0; p < partitions(ingested()); p++) {
                pending.add(p);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Map<String, Integer> partitionOfProbe = new HashMap<>();
                for (int partition : pending) {
                    UUID id = UUID.randomUUID();
                    partitionOfProbe.put(id.toString(), partition);
                    sendArticle(partition, article(id, "Probe",
                            "Reuters said on Monday that the probe reached partition " + partition + "."));
                }
                annotated.awaitKeys(partitionOfProbe.keySet(), Duration.ofSeconds(20))
                        .keySet().forEach(key -> pending.remove(partitionOfProbe.get(key)));
            }
            if (!pending.isEmpty()) {
                throw new AssertionError("partitions " + pending + " of " + ingested() + " were never consumed");
            }
        }
        consuming = true;
    }

    /** In case the broker does not create topics on first use: as many partitions as devstack gives its topics. */
    static void ensureExists(String topic) {
        try (Admin admin = Devstack.forProfile("test").kafka().admin()) {
            int partitions = Devstack.forProfile("test").settings().partitions();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new AssertionError("cannot create " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static int partitions(String topic) {
        try (Watcher w = new Watcher(topic)) {
            return w.partitions;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The instance id of the service under test: its events carry it in the {@code newsdesk-instance} header. */
    static String thisInstance() {
        return ConfigProvider.getConfig().getValue("newsdesk.nlp.instance-id", String.class);
    }

    /**
     * Whether the service under test published this record. Other runs of these tests on the shared stack consume
     * the same topic in their own groups and publish events under the same keys.
     */
    static boolean fromThisRun(ConsumerRecord<String, byte[]> record) {
        return thisInstance().equals(header(record, ArticleAnnotationProcessor.INSTANCE_HEADER));
    }

    /**
     * Reads one topic from its current end on, without a consumer group, keeping the records that {@code keep}
     * accepts. Open it before publishing.
     */
    static final class Watcher implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Predicate<ConsumerRecord<String, byte[]>> keep;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        final int partitions;

        /** Every record of the topic, whoever wrote it: for the DLQ, whose records carry no instance header. */
        Watcher(String topic) {
            this(topic, r -> true);
        }

        Watcher(String topic, Predicate<ConsumerRecord<String, byte[]>> keep) {
            this.keep = keep;
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            consumer = new KafkaConsumer<>(p);
            List<TopicPartition> all = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                all.add(new TopicPartition(topic, info.partition()));
            }
            partitions = all.size();
            consumer.assign(all);
            consumer.seekToEnd(all);
            all.forEach(consumer::position); // resolve "the end" now, before the test publishes anything
        }

        /** Waits until a record of every key arrived; returns the last record seen per key. */
        Map<String, ConsumerRecord<String, byte[]>> awaitKeys(Set<String> keys, Duration timeout) {
            return await(keys, r -> true, timeout);
        }

        /** Waits until a record matching {@code accept} arrived for every key; returns the last such record per key. */
        Map<String, ConsumerRecord<String, byte[]>> await(Set<String> keys, Predicate<ConsumerRecord<String, byte[]>> accept,
                Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : seen) {
                if (keys.contains(r.key()) && accept.test(r)) {
                    found.put(r.key(), r);
                }
            }
            while (!found.keySet().containsAll(keys) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() == null || !keep.test(r)) {
                        continue;
                    }
                    seen.add(r);
                    if (keys.contains(r.key()) && accept.test(r)) {
                        found.put(r.key(), r);
                    }
                }
            }
            return found;
        }

        /** Waits for the first record of one of these keys that matches {@code accept}; null on timeout. */
        ConsumerRecord<String, byte[]> awaitFirst(Set<String> keys, Predicate<ConsumerRecord<String, byte[]>> accept,
                Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (ConsumerRecord<String, byte[]> r : seen) {
                if (keys.contains(r.key()) && accept.test(r)) {
                    return r;
                }
            }
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && keep.test(r)) {
                        seen.add(r);
                    }
                }
                for (ConsumerRecord<String, byte[]> r : seen) {
                    if (keys.contains(r.key()) && accept.test(r)) {
                        return r;
                    }
                }
            }
            return null;
        }

        /** Every record of these keys seen so far, in arrival order (after an {@link #await}). */
        List<ConsumerRecord<String, byte[]>> seen(Set<String> keys) {
            return seen.stream().filter(r -> keys.contains(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
