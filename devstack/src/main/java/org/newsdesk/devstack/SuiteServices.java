package org.newsdesk.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The three Newsdesk services as packaged Quarkus applications, run as separate processes against a
 * stack, the way a deployment runs them (production profile, configuration from the environment).
 */
public final class SuiteServices {

    /** A service, its port and database, and the heap it needs (nlp-service holds the CoreNLP models). */
    public record Service(String name, int port, String database, String heap, Duration readyTimeout) {

        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    public static final List<Service> ALL = List.of(
            new Service("ingest-service", envPort("NEWSDESK_INGEST_PORT", 8081), "ingest", "-Xmx512m", Duration.ofMinutes(3)),
            new Service("nlp-service", envPort("NEWSDESK_NLP_PORT", 8082), null, "-Xmx3g", Duration.ofMinutes(10)),
            new Service("query-service", envPort("NEWSDESK_QUERY_PORT", 8083), "query", "-Xmx768m", Duration.ofMinutes(3)));

    private final StackSettings settings;
    private final Path root;

    public SuiteServices(StackSettings settings, Path root) {
        this.settings = settings;
        this.root = root;
    }

    public static Service byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name) || s.name().equals(name + "-service")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "' (ingest, nlp, query)"));
    }

    public ManagedProcess process(Service service) {
        return new ManagedProcess(settings, service.name());
    }

    public Path jar(Service service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts each service that does not answer yet, then waits until every one reports ready. */
    public void start(Consumer<String> progress) throws Exception {
        List<Service> started = new ArrayList<>();
        for (Service service : ALL) {
            if (Probes.portOpen(service.port())) {
                progress.accept(service.name() + ": already running on " + service.port() + ", reusing it");
                continue;
            }
            Path jar = jar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./newsdesk up builds it)");
            }
            List<String> command = List.of(ProjectLayout.javaExecutable().toString(), service.heap(),
                    "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString());
            process(service).start(command, jar.getParent(), environment(service));
            progress.accept(service.name() + ": starting on " + service.port() + " (log: " + process(service).logFile() + ")");
            started.add(service);
        }
        for (Service service : ALL) {
            ManagedProcess process = process(service);
            boolean ours = started.contains(service);
            Probes.await(service.name(), service.readyTimeout(), () -> Probes.httpOk(service.url() + "/q/health/ready"),
                    () -> !ours || process.running().isPresent(), process.logFile());
            progress.accept(service.name() + ": ready");
        }
    }

    /** The production configuration keys a cluster would set, pointed at this stack. */
    Map<String, String> environment(Service service) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(service.port()),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap(),
                "OIDC_AUTH_SERVER_URL", settings.realmUrl(),
                "NEWSDESK_DB_USER", StackSettings.DB_USER,
                "NEWSDESK_DB_PASSWORD", StackSettings.DB_PASSWORD));
        if (service.database() != null) {
            env.put("NEWSDESK_DB_URL", settings.jdbcUrl(service.database()));
        }
        return env;
    }

    public List<String> stop(Consumer<String> progress) throws Exception {
        List<String> stopped = new ArrayList<>();
        for (Service service : ALL.reversed()) {
            if (process(service).stop(Duration.ofSeconds(40))) {
                progress.accept(service.name() + ": stopped");
                stopped.add(service.name());
            }
        }
        return stopped;
    }

    private static int envPort(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
