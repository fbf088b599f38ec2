package org.newsdesk.nlp.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.newsdesk.nlp.service.AnnotatorLoader;

/**
 * The annotator's part of {@code /q/health}: not ready until the models have loaded and warmed up (so no traffic
 * reaches an instance that would answer 503), not live if loading failed (so the orchestrator restarts it).
 * A slow load is never a liveness failure.
 */
public final class AnnotatorHealthChecks {

    private AnnotatorHealthChecks() {
    }

    static HealthCheckResponseBuilder describe(AnnotatorLoader loader) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("annotator")
                .withData("state", loader.state().name());
        if (loader.loadMillis() >= 0) {
            builder.withData("loadMillis", loader.loadMillis());
        }
        loader.failure().ifPresent(f -> builder.withData("failure", f));
        return builder;
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {

        @Inject
        AnnotatorLoader loader;

        @Override
        public HealthCheckResponse call() {
            return describe(loader).status(loader.state() == AnnotatorLoader.State.READY).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {

        @Inject
        AnnotatorLoader loader;

        @Override
        public HealthCheckResponse call() {
            return describe(loader).status(loader.state() != AnnotatorLoader.State.FAILED).build();
        }
    }
}
