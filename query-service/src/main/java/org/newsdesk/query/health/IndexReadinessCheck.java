package org.newsdesk.query.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newsdesk.query.repository.Database;

/** Ready when the migrated schema answers; the planner's row estimates show roughly what the index holds. */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {

    @Inject
    Database db;

    @Override
    public HealthCheckResponse call() {
        try {
            long[] counts = db.one("""
                    SELECT greatest((SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass), 0)::bigint,
                           greatest((SELECT reltuples FROM pg_class WHERE oid = 'entities'::regclass), 0)::bigint""",
                    row -> new long[] {row.getLong(1), row.getLong(2)}).orElseThrow();
            return HealthCheckResponse.named("query-index").up()
                    .withData("articlesEstimate", counts[0]).withData("entitiesEstimate", counts[1]).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("query-index").down().withData("error", e.getMessage()).build();
        }
    }
}
