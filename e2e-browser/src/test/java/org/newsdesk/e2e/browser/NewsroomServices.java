package org.newsdesk.e2e.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.newsdesk.contracts.Topics;
import org.newsdesk.devstack.ManagedProcess;
import org.newsdesk.devstack.Probes;
import org.newsdesk.devstack.ProjectLayout;
import org.newsdesk.devstack.StackSettings;
import org.newsdesk.devstack.SuiteServices;

/**
 * The three packaged services, started for the browser tests against the test stack the way a deployment
 * runs them (production profile, configuration from the environment), but isolated from every other test:
 * fresh databases {@code query_e2e} and {@code ingest_e2e}, and Kafka consumer groups of their own that start
 * at the current end of each topic (so no backlog of other tests' events is replayed). Annotated articles go
 * through a topic of this run's own ({@link #annotatedTopic()}): nlp-service writes it, query-service reads it,
 * so events other tests put on the shared {@code articles.annotated} never reach the pages under test.
 * query-service listens on the fixed port Keycloak's {@code newsdesk-web} client allows as a redirect URI.
 */
final class NewsroomServices implements AutoCloseable {

    /** Fixed: Keycloak's newsdesk-web client accepts http://127.0.0.1:18083/* as a redirect URI. */
    static final int QUERY_PORT = 18083;
    /** Any free ports: only query-service (and the tests) talk to these two. */
    static final int INGEST_PORT = freePort();
    static final int NLP_PORT = freePort();

    /** A service as started here: its module, port, database (or null), heap and start-up allowance. */
    record Service(String name, String module, int port, String database, String jvmOptions, Duration readyTimeout) {

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    static final Service QUERY = new Service("e2e-query-service", "query-service", QUERY_PORT, "query_e2e", "-Xmx768m -XX:+UseG1GC",
            Duration.ofMinutes(5));
    static final Service INGEST = new Service("e2e-ingest-service", "ingest-service", INGEST_PORT, "ingest_e2e", "-Xmx512m -XX:+UseG1GC",
            Duration.ofMinutes(5));
    static final Service NLP = new Service("e2e-nlp-service", "nlp-service", NLP_PORT, null, SuiteServices.NLP_JVM_OPTIONS,
            Duration.ofMinutes(8));

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    private final StackSettings settings;
    private final Path root;
    private final String run;
    private final List<Service> started = new ArrayList<>();
    private final String annotatedTopic;
    private boolean topicCreated;

    NewsroomServices(StackSettings settings, Path root, String run) {
        this.settings = settings;
        this.root = root;
        this.run = run;
        this.annotatedTopic = "e2e-browser." + run + "." + Topics.ARTICLES_ANNOTATED;
    }

    /** The run's own stand-in for {@code articles.annotated}. */
    String annotatedTopic() {
        return annotatedTopic;
    }

    /**
     * The packaged service: under the checkout, or under {@code NEWSDESK_E2E_SERVICES_ROOT} when set (a copy of
     * the tree built elsewhere, so a local run never races a build in the working tree).
     */
    Path jar(Service service) {
        String override = System.getenv("NEWSDESK_E2E_SERVICES_ROOT");
        Path base = override == null || override.isBlank() ? root : Path.of(override);
        return base.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    boolean packaged(Service service) {
        return Files.isRegularFile(jar(service));
    }

    /** Starts the service in the background; call {@link #awaitReady} before using it. */
    void start(Service service) throws Exception {
        ManagedProcess process = new ManagedProcess(settings, service.name());
        process.stop(Duration.ofSeconds(20)); // a leftover of an earlier, interrupted run
        if (Probes.portOpen(service.port())) {
            throw new IllegalStateException("port " + service.port() + " is taken by another process; the browser tests "
                    + "need it for " + service.module());
        }
        if (service.database() != null) {
            recreateDatabase(service.database());
        }
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("OIDC_AUTH_SERVER_URL", settings.realmUrl());
        env.put("NEWSDESK_DB_USER", StackSettings.DB_USER);
        env.put("NEWSDESK_DB_PASSWORD", StackSettings.DB_PASSWORD);
        if (service.database() != null) {
            env.put("NEWSDESK_DB_URL", settings.jdbcUrl(service.database()));
        }
        List<String> command = new ArrayList<>(List.of(ProjectLayout.javaExecutable().toString()));
        command.addAll(SuiteServices.jvmArguments(service.jvmOptions()));
        command.add("--enable-native-access=ALL-UNNAMED");
        switch (service.module()) {
            case "query-service" -> {
                createAnnotatedTopic();
                String group = "e2e-query-" + run;
                parkAtEnd(group, List.of(annotatedTopic));
                env.put("NEWSDESK_QUERY_GROUP", group);
                command.add("-Dmp.messaging.incoming.articles-annotated.group.id=" + group);
                command.add("-Dmp.messaging.incoming.articles-annotated.topic=" + annotatedTopic);
                env.put("NEWSDESK_INGEST_URL", INGEST.url());
                env.put("NEWSDESK_NLP_URL", NLP.url());
                env.put("NEWSDESK_WEB_STATE_SECRET", "e2e-state-secret-0123456789abcdef0123");
                env.put("NEWSDESK_WEB_SESSION_SECRET", "e2e-session-secret-0123456789abcdef01");
                env.put("NEWSDESK_WEB_CSRF_SECRET", "e2e-csrf-secret-0123456789abcdef012345");
            }
            case "ingest-service" -> {
                String group = "e2e-ingest-" + run;
                parkAtEnd(group, List.of(Topics.ARTICLES_ANNOTATED, Topics.ARTICLES_INDEXED, Topics.ARTICLES_INGESTED_DLQ,
                        Topics.ARTICLES_ANNOTATED_DLQ));
                command.add("-Dmp.messaging.incoming.pipeline-status.group.id=" + group);
            }
            case "nlp-service" -> {
                String group = "e2e-nlp-" + run;
                parkAtEnd(group, List.of(Topics.ARTICLES_INGESTED));
                env.put("NLP_CONSUMER_GROUP", group);
                command.add("-Dmp.messaging.incoming.articles-ingested.group.id=" + group);
                createAnnotatedTopic();
                command.add("-Dmp.messaging.outgoing.articles-annotated.topic=" + annotatedTopic);
            }
            default -> throw new IllegalArgumentException(service.module());
        }
        command.add("-jar");
        command.add(jar(service).toString());
        process.start(command, jar(service).getParent(), env);
        started.add(service);
    }

    /** Waits for {@code /q/health/ready}; fails early, with the log's tail, if the process died. */
    void awaitReady(Service service) {
        ManagedProcess process = new ManagedProcess(settings, service.name());
        Probes.await(service.name(), service.readyTimeout(), () -> Probes.httpOk(service.url() + "/q/health/ready"),
                () -> process.running().isPresent(), process.logFile());
    }

    /** Whether the service answers ready now (no waiting). */
    boolean ready(Service service) {
        return Probes.httpOk(service.url() + "/q/health/ready");
    }

    boolean running(Service service) {
        return new ManagedProcess(settings, service.name()).running().isPresent();
    }

    Path log(Service service) {
        return new ManagedProcess(settings, service.name()).logFile();
    }

    /** GET with a bearer token; the status code and body. */
    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Override
    public void close() throws Exception {
        for (Service service : started.reversed()) {
            new ManagedProcess(settings, service.name()).stop(Duration.ofSeconds(20));
        }
        started.clear();
        if (topicCreated) {
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", settings.kafkaBootstrap()))) {
                admin.deleteTopics(List.of(annotatedTopic)).all().get();
            }
            topicCreated = false;
        }
    }

    private void createAnnotatedTopic() throws Exception {
        if (topicCreated) {
            return;
        }
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", settings.kafkaBootstrap()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(annotatedTopic, 3, (short) 1))).all().get();
        }
        topicCreated = true;
    }

    /** Drops and creates the database, so each run starts from an empty, freshly migrated schema. */
    private void recreateDatabase(String database) throws Exception {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException(database);
        }
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " OWNER " + StackSettings.DB_USER);
        }
    }

    /** Commits a new consumer group's offsets at the current end of the topics, before its consumer starts. */
    private void parkAtEnd(String group, List<String> topics) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", settings.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            Set<TopicPartition> partitions = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get()
                    .forEach((partition, info) -> offsets.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        }
    }
}
