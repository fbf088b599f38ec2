package org.newsdesk.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where and on which ports one stack runs. Two stacks exist so that a test run never touches the
 * data of a running demo: {@code dev} (the launcher) and {@code test} (the test suite), each with its
 * own folder and ports. Every value can be overridden by an environment variable.
 */
public record StackSettings(
        String profile,
        Path home,
        Path cache,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        int partitions,
        List<String> databases) {

    public static final String DB_USER = "newsdesk";
    public static final String DB_PASSWORD = "newsdesk";
    public static final String REALM = "newsdesk";
    public static final List<String> SERVICE_DATABASES = List.of("ingest", "query");

    /** Settings for {@code dev} or {@code test}, read from the process environment. */
    public static StackSettings forProfile(String profile) {
        return forProfile(profile, System.getenv());
    }

    static StackSettings forProfile(String profile, Map<String, String> env) {
        boolean test = switch (profile) {
            case "dev" -> false;
            case "test" -> true;
            default -> throw new IllegalArgumentException("unknown stack profile '" + profile + "' (dev or test)");
        };
        // The test stack lives 10000 ports above the dev stack so both can run side by side.
        int offset = test ? 10000 : 0;
        String prefix = test ? "NEWSDESK_TEST_" : "NEWSDESK_";
        Path base = Path.of(env.getOrDefault("NEWSDESK_HOME", System.getProperty("user.home") + "/.newsdesk"));
        return new StackSettings(
                profile,
                Path.of(env.getOrDefault(prefix + "STACK_HOME", base.resolve(profile).toString())),
                Path.of(env.getOrDefault("NEWSDESK_CACHE", base.resolve("cache").toString())),
                intEnv(env, prefix + "PG_PORT", 5433 + offset),
                intEnv(env, prefix + "KAFKA_PORT", 9092 + offset),
                intEnv(env, prefix + "KAFKA_CONTROLLER_PORT", 9093 + offset),
                intEnv(env, prefix + "KEYCLOAK_PORT", 8180 + offset),
                intEnv(env, prefix + "KEYCLOAK_MANAGEMENT_PORT", 9180 + offset),
                intEnv(env, "NEWSDESK_PARTITIONS", 6),
                SERVICE_DATABASES);
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }

    /** The same stack (profile, ports) keeping its servers and data under another folder. */
    public StackSettings withHome(Path otherHome) {
        return new StackSettings(profile, otherHome, cache, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                keycloakManagementPort, partitions, databases);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Always 127.0.0.1: the token issuer must match the URL the services use, spelling included. */
    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }
}
