package org.newsdesk.ingest.messaging;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.newsdesk.ingest.config.IngestConfig;
import org.newsdesk.ingest.repository.OutboxRepository;
import org.newsdesk.ingest.repository.OutboxRepository.PendingEvent;
import org.newsdesk.ingest.service.IngestService;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Moves outbox rows to Kafka: claims due rows ({@code FOR UPDATE SKIP LOCKED}, oldest per article), sends them,
 * and in the same database transaction marks the acknowledged ones sent (and their articles PUBLISHED) and
 * schedules the others for a retry with exponential backoff.
 * <p>
 * One thread per replica; any number of replicas may run. A crash between the broker's ack and the commit sends
 * the row again (at-least-once: consumers ignore a revision they have seen), but it never skips or reorders an
 * article's events. It must never delete an unsent row. The one event it gives up on is one the broker can never
 * accept (larger than the topic allows): that article becomes FAILED with the reason instead of blocking forever.
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRepository outbox;

    @Inject
    IngestedEventSender sender;

    @Inject
    IngestConfig config;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(Duration.ofSeconds(20).toMillis());
        }
    }

    /** Called after a commit that wrote outbox rows. */
    void onOutboxWritten(@Observes IngestService.OutboxWritten written) {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        Duration failurePause = config.relay().minBackoff();
        while (running) {
            try {
                int sent = relayOnce();
                failurePause = config.relay().minBackoff();
                if (sent < config.relay().batchSize()) {
                    wakeUp.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The database itself is unavailable: nothing is lost (rows stay unsent), try again later.
                Log.warnf("outbox relay round failed, retrying in %s: %s", failurePause, e.getMessage());
                try {
                    Thread.sleep(failurePause.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                failurePause = min(failurePause.multipliedBy(2), config.relay().maxBackoff());
            }
        }
    }

    /** One claim-send-mark round; returns how many events the broker acknowledged. */
    int relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<PendingEvent> events = outbox.claim(connection, config.relay().batchSize());
                if (events.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                IngestedEventSender.Result result = sender.send(events, config.relay().sendTimeout());
                outbox.markSent(connection, result.sent());
                for (PendingEvent failed : result.failed()) {
                    outbox.markFailed(connection, failed, backoff(failed.attempts()), result.error());
                }
                for (PendingEvent rejected : result.rejected()) {
                    Log.errorf("outbox relay: Kafka will never accept the event of article %s (revision %d): %s",
                            rejected.articleId(), rejected.revision(), result.rejection());
                    outbox.markRejected(connection, rejected, "Kafka rejected the event: " + result.rejection());
                }
                connection.commit();
                if (!result.failed().isEmpty()) {
                    Log.warnf("outbox relay: %d event(s) not acknowledged, retrying with backoff: %s",
                            result.failed().size(), result.error());
                    return 0;
                }
                return result.sent().size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Duration backoff(int attemptsSoFar) {
        Duration delay = config.relay().minBackoff();
        for (int i = 0; i < attemptsSoFar && delay.compareTo(config.relay().maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return min(delay, config.relay().maxBackoff());
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSentRows() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            int purged = outbox.purgeSentBefore(connection, Instant.now().minus(config.relay().keepSent()));
            if (purged > 0) {
                Log.infof("outbox: purged %d sent row(s) older than %s", purged, config.relay().keepSent());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
