package org.newsdesk.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsdesk.contracts.Topics;
import org.newsdesk.ingest.repository.OutboxRepository.PendingEvent;

import io.quarkus.logging.Log;

/**
 * Puts outbox rows on {@link Topics#ARTICLES_INGESTED} (key = article id, value = the stored event JSON or null
 * for a tombstone) and says which ones the broker acknowledged.
 * <p>
 * The producer is idempotent with {@code acks=all}, so acknowledged means durable and in order per partition.
 * After any failure the producer is thrown away: a fresh one has no half-sent batches that could overtake a
 * retry. It must only be used by the relay's single thread.
 */
@ApplicationScoped
public class IngestedEventSender {

    /**
     * What one round achieved: the acknowledged events; the ones to retry, with the reason; and the ones the broker
     * will never take (too large for the topic), which retrying would only repeat forever.
     */
    public record Result(List<PendingEvent> sent, List<PendingEvent> failed, String error, List<PendingEvent> rejected,
            String rejection) {
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "newsdesk.ingest.relay.max-block", defaultValue = "5s")
    Duration maxBlock;

    private KafkaProducer<String, byte[]> producer;

    public Result send(List<PendingEvent> events, Duration timeout) {
        List<Future<RecordMetadata>> futures = new ArrayList<>(events.size());
        String error = null;
        try {
            KafkaProducer<String, byte[]> p = producer();
            for (PendingEvent event : events) {
                byte[] value = event.tombstone() ? null : event.payload().getBytes(StandardCharsets.UTF_8);
                futures.add(p.send(new ProducerRecord<>(Topics.ARTICLES_INGESTED, event.articleId().toString(), value)));
            }
            p.flush();
        } catch (RuntimeException e) {
            // Usually a metadata timeout with the broker down: the rest of the round would wait just as long.
            error = describe(e);
        }
        List<PendingEvent> sent = new ArrayList<>();
        List<PendingEvent> failed = new ArrayList<>();
        List<PendingEvent> rejected = new ArrayList<>();
        String rejection = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < events.size(); i++) {
            if (i >= futures.size()) {
                failed.add(events.get(i));
                continue;
            }
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(events.get(i));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RecordTooLargeException) {
                    rejection = describe(e.getCause());
                    rejected.add(events.get(i));
                    continue;
                }
                error = error == null ? describe(e.getCause()) : error;
                failed.add(events.get(i));
            } catch (TimeoutException e) {
                error = error == null ? "no acknowledgement within " + timeout : error;
                failed.add(events.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                failed.add(events.get(i));
            }
        }
        if (!failed.isEmpty()) {
            reset();
        }
        return new Result(sent, failed, error, rejected, rejection);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service-outbox-relay");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // lz4: cheap on the CPU ingest is short of, and clean text still shrinks about by half on the wire.
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            // The largest accepted article (5 MB) must fit: the topic takes the same size (Topics.maxMessageBytes).
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_INGESTED_EVENT_BYTES);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private void reset() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                Log.debugf(e, "closing the failed producer");
            }
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static String describe(Throwable e) {
        return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
