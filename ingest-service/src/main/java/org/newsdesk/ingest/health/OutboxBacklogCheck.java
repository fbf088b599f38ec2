package org.newsdesk.ingest.health;

import java.sql.Connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newsdesk.ingest.repository.OutboxRepository;

import io.agroal.api.AgroalDataSource;

/**
 * Shows the outbox backlog (unsent events and the age of the oldest) next to the database and Kafka checks.
 * A backlog alone never makes the service unready: ingest keeps accepting while Kafka is away, that is the point
 * of the outbox. It is DOWN only when the backlog cannot be read at all.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRepository outbox;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            OutboxRepository.Backlog backlog = outbox.backlog(connection);
            return HealthCheckResponse.named("outbox").up()
                    .withData("pending", backlog.pending())
                    .withData("oldestPendingSeconds", backlog.oldest().toSeconds())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("outbox").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
