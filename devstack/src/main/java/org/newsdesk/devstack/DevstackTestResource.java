package org.newsdesk.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real servers of the {@code test} stack, starting them if needed.
 * The servers outlive the test JVM on purpose: the next module's tests reuse them, and
 * {@code ./newsdesk test} stops them at the end of the run.
 *
 * <p>Init argument {@code database}: the service's database ({@code ingest} or {@code query});
 * leave it out for a service without one.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Devstack stack = Devstack.forProfile("test");
        try {
            stack.start(line -> System.out.println("[devstack] " + line));
        } catch (Exception e) {
            throw new IllegalStateException("the test stack did not start: " + e.getMessage(), e);
        }
        StackSettings s = stack.settings();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", s.kafkaBootstrap());
        config.put("quarkus.oidc.auth-server-url", s.realmUrl());
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", s.jdbcUrl(database));
            config.put("quarkus.datasource.username", StackSettings.DB_USER);
            config.put("quarkus.datasource.password", StackSettings.DB_PASSWORD);
        }
        return config;
    }

    @Override
    public void stop() {
        // Deliberately empty: see the class comment.
    }
}
