package org.newsdesk.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newsdesk.ingest.config.LanguageModelWarmUp;

/**
 * Not ready until the language models are loaded: a load balancer then sends articles only to an instance that
 * can detect their language at full speed, instead of making the first requests wait for the load.
 */
@Readiness
@ApplicationScoped
public class LanguageModelsCheck implements HealthCheck {

    @Inject
    LanguageModelWarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("language-models").status(warmUp.finished()).build();
    }
}
