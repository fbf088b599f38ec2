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

    /**
     * One running instance of a service module: its name (also its PID and log file name), port and
     * database, and its JVM options: the heap it needs and its collector (see {@link #NLP_JVM_OPTIONS}).
     */
    public record Service(String name, String module, int port, String database, String jvmOptions, Duration readyTimeout,
                          Map<String, String> env) {

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Another instance of the same module (a second NLP worker, say) with its own port, database and settings. */
        public Service instance(String instanceName, int instancePort, String instanceDatabase, Map<String, String> instanceEnv) {
            return new Service(instanceName, module, instancePort, instanceDatabase, jvmOptions, readyTimeout, Map.copyOf(instanceEnv));
        }
    }

    /**
     * nlp-service's heap and collector. Every JVM that annotates uses them: the suite, the browser tests' suite and
     * the benchmark's second instances (the launcher script and the Kubernetes manifest spell them out too).
     * <ul>
     * <li>G1 with a fixed marking threshold. The models (about 600 MB) live as long as the JVM; with G1's adaptive
     * threshold, which starts at 45% of the heap, G1 kept marking them over and over, which took a third of the JVM's
     * CPU (docs/benchmarks.md).</li>
     * <li>A 1.5 GiB heap, as in the Kubernetes pod. With two workers over 400 BBC articles it cost 3-4% more CPU than
     * 3 GiB, and the process stayed under 2 GB of RSS where 3 GiB let it grow past the 2.5 GB.</li>
     * </ul>
     */
    public static final String NLP_JVM_OPTIONS =
            "-Xmx1536m -XX:+UseG1GC -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=80";

    public static final List<Service> ALL = List.of(
            new Service("ingest-service", "ingest-service", envPort("NEWSDESK_INGEST_PORT", 8081), "ingest", "-Xmx512m -XX:+UseG1GC",
                    Duration.ofMinutes(3), Map.of()),
            new Service("nlp-service", "nlp-service", envPort("NEWSDESK_NLP_PORT", 8082), null, NLP_JVM_OPTIONS,
                    Duration.ofMinutes(10), Map.of()),
            new Service("query-service", "query-service", envPort("NEWSDESK_QUERY_PORT", 8083), "query", "-Xmx768m -XX:+UseG1GC",
                    Duration.ofMinutes(3), Map.of()));

    private final StackSettings settings;
    private final Path root;
    private final List<Service> services;

    public SuiteServices(StackSettings settings, Path root) {
        this(settings, root, ALL);
    }

    public SuiteServices(StackSettings settings, Path root, List<Service> services) {
        this.settings = settings;
        this.root = root;
        this.services = List.copyOf(services);
    }

    public List<Service> services() {
        return services;
    }

    /** JVM options written as one space-separated string ({@link Service#jvmOptions}), as command-line arguments. */
    public static List<String> jvmArguments(String jvmOptions) {
        return List.of(jvmOptions.strip().split("\\s+"));
    }

    public static Service byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name) || s.name().equals(name + "-service")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "' (ingest, nlp, query)"));
    }

    public ManagedProcess process(Service service) {
        return new ManagedProcess(settings, service.name());
    }

    public Path jar(Service service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts each service that does not answer yet, then waits until every one reports ready. */
    public void start(Consumer<String> progress) throws Exception {
        List<Service> started = new ArrayList<>();
        for (Service service : services) {
            if (start(service, progress)) {
                started.add(service);
            }
        }
        for (Service service : services) {
            awaitReady(service, started.contains(service));
            progress.accept(service.name() + ": ready");
        }
    }

    /** Starts one instance unless something already answers on its port; returns whether it started it. */
    public boolean start(Service service, Consumer<String> progress) throws Exception {
        if (Probes.portOpen(service.port())) {
            progress.accept(service.name() + ": already running on " + service.port() + ", reusing it");
            return false;
        }
        Path jar = jar(service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./newsdesk up builds it)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProjectLayout.javaExecutable().toString());
        command.addAll(jvmArguments(service.jvmOptions()));
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
        process(service).start(command, jar.getParent(), environment(service));
        progress.accept(service.name() + ": starting on " + service.port() + " (log: " + process(service).logFile() + ")");
        return true;
    }

    /** Waits for {@code /q/health/ready}; fails early with the log's tail if our process died. */
    public void awaitReady(Service service, boolean ours) {
        ManagedProcess process = process(service);
        Probes.await(service.name(), service.readyTimeout(), () -> Probes.httpOk(service.url() + "/q/health/ready"),
                () -> !ours || process.running().isPresent(), process.logFile());
    }

    /** The production configuration keys a cluster would set, pointed at this stack. */
    public Map<String, String> environment(Service service) {
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
        if (service.module().equals("query-service")) {
            // the Ingest page forwards to ingest-service, semantic search embeds its queries through nlp-service
            peer("ingest-service").ifPresent(peer -> env.put("NEWSDESK_INGEST_URL", peer.url()));
            peer("nlp-service").ifPresent(peer -> env.put("NEWSDESK_NLP_URL", peer.url()));
        }
        env.putAll(service.env());
        return env;
    }

    /** The first service of this suite built from the module (its first instance). */
    private java.util.Optional<Service> peer(String module) {
        return services.stream().filter(s -> s.module().equals(module)).findFirst();
    }

    public List<String> stop(Consumer<String> progress) throws Exception {
        List<String> stopped = new ArrayList<>();
        for (Service service : services.reversed()) {
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
