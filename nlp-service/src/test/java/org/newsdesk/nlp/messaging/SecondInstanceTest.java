package org.newsdesk.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.ArticleIngested;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.StackSettings;
import org.newsdesk.nlp.ServiceReadiness;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two instances of the service in one consumer group split the partitions of the ingested topic: the one under
 * test, and the packaged application ({@code target/quarkus-app/quarkus-run.jar}, built before the tests by the pom)
 * started as a second process with the test stack's settings. Each names itself in the {@code newsdesk-instance}
 * header of what it publishes. Then the second one is stopped (SIGTERM) in the middle of a batch: every article of
 * the batch must still come out, from whichever instance ends up owning its partition.
 */
@QuarkusTest
class SecondInstanceTest {

    static final String SECOND = "second-instance";
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @ConfigProperty(name = "mp.messaging.incoming.articles-ingested.group.id")
    String group;

    @ConfigProperty(name = "newsdesk.nlp.max-text-bytes")
    int maxTextBytes;

    /** Consumers (group members) per instance. */
    @ConfigProperty(name = "mp.messaging.incoming.articles-ingested.concurrency")
    int consumersPerInstance;

    private Process second;

    @AfterEach
    void stopSecondInstance() throws InterruptedException {
        if (second != null && second.isAlive()) {
            second.destroy();
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void twoInstancesSplitThePartitionsAndAStoppedInstanceLosesNoArticle() throws Exception {
        TestTopics.awaitConsumingEveryPartition();
        int partitions = TestTopics.partitions(TestTopics.ingested());
        assertPackagedJarIsCurrent();

        int port = freePort();
        Path log = Path.of("target/second-instance.log");
        second = startSecondInstance(port, log);
        awaitReady(port, log);
        awaitMembersWithPartitions(2 * consumersPerInstance);

        // Batch 1: one article per partition, twice over; both instances must publish some of it.
        try (TestTopics.Watcher annotated = new TestTopics.Watcher("articles.annotated", SecondInstanceTest::fromThisGroup)) {
            Set<String> keys = publishBatch(2 * partitions, partitions);
            Map<String, ConsumerRecord<String, byte[]>> out = annotated.awaitKeys(keys, Duration.ofMinutes(5));
            assertThat(out.keySet()).as("annotated articles of batch 1").containsExactlyInAnyOrderElementsOf(keys);
            Map<String, Long> byInstance = out.values().stream()
                    .collect(Collectors.groupingBy(r -> TestTopics.header(r, ArticleAnnotationProcessor.INSTANCE_HEADER),
                            TreeMap::new, Collectors.counting()));
            System.out.println("[second-instance test] batch 1 of " + keys.size() + " articles, annotated per instance: " + byInstance);
            assertThat(byInstance).as("articles per instance").containsOnlyKeys(SECOND, TestTopics.thisInstance());
            assertThat(byInstance.values()).allSatisfy(n -> assertThat(n).isPositive());
        }

        // Batch 2: stop the second instance while it works; nothing may be lost (duplicates are allowed: at least once).
        try (TestTopics.Watcher annotated = new TestTopics.Watcher("articles.annotated", SecondInstanceTest::fromThisGroup)) {
            Set<String> keys = publishBatch(4 * partitions, partitions);
            ConsumerRecord<String, byte[]> firstOfSecond = annotated.awaitFirst(keys,
                    r -> SECOND.equals(TestTopics.header(r, ArticleAnnotationProcessor.INSTANCE_HEADER)), Duration.ofMinutes(5));
            assertThat(firstOfSecond).as("an article of batch 2 annotated by the second instance before it stops").isNotNull();
            long stopAt = System.nanoTime();
            second.destroy();
            boolean exited = second.waitFor(60, TimeUnit.SECONDS);
            System.out.println("[second-instance test] SIGTERM to exit: " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt)
                    + " ms, exit code " + (exited ? second.exitValue() : "none (still running)"));
            assertThat(exited).as("the second instance stops within quarkus.shutdown.timeout").isTrue();

            Map<String, ConsumerRecord<String, byte[]>> out = annotated.awaitKeys(keys, Duration.ofMinutes(5));
            assertThat(out.keySet()).as("annotated articles of batch 2").containsExactlyInAnyOrderElementsOf(keys);
            List<ConsumerRecord<String, byte[]>> all = annotated.seen(keys);
            Map<String, Long> byInstance = all.stream()
                    .collect(Collectors.groupingBy(r -> TestTopics.header(r, ArticleAnnotationProcessor.INSTANCE_HEADER),
                            TreeMap::new, Collectors.counting()));
            System.out.println("[second-instance test] batch 2 of " + keys.size() + " articles: " + all.size()
                    + " events published, per instance " + byInstance);
        }
        // The drain itself is bounded (20 s) and this machine is shared, so only its having run is asserted; that
        // no article was lost is asserted above.
        String drain = Files.readString(log).lines().filter(l -> l.contains("consumer paused for shutdown")).findFirst()
                .orElse(null);
        System.out.println("[second-instance test] " + drain);
        assertThat(drain).as("the second instance's shutdown drain in its log").isNotNull();
    }

    /** Published by one of the two instances of this test's group, not by another run on the shared stack. */
    static boolean fromThisGroup(ConsumerRecord<String, byte[]> record) {
        String instance = TestTopics.header(record, ArticleAnnotationProcessor.INSTANCE_HEADER);
        return SECOND.equals(instance) || TestTopics.thisInstance().equals(instance);
    }

    /** The jar must hold the code under test: a full test run packages it first; a run with -Dtest does not. */
    private static void assertPackagedJarIsCurrent() throws IOException {
        String how = "run the whole module (./mvnw -pl nlp-service test), or package first: ./mvnw -pl nlp-service "
                + "package -DskipTests";
        assertThat(Files.isRegularFile(JAR)).as("%s is missing; %s", JAR.toAbsolutePath(), how).isTrue();
        FileTime built = Files.getLastModifiedTime(JAR);
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            Optional<Path> newer = classes.filter(Files::isRegularFile)
                    .filter(p -> lastModified(p).compareTo(built) > 0).findFirst();
            assertThat(newer).as("%s is older than the compiled classes; %s", JAR, how).isEmpty();
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes {@code count} articles round-robin over the partitions; returns their keys. The texts are the opening
     * paragraphs of the seeds: this test is about who consumes what, and the machine is shared.
     */
    private Set<String> publishBatch(int count, int partitions) {
        Set<String> keys = new LinkedHashSet<>();
        String[] seeds = {"000", "001", "002", "003", "004"};
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ArticleIngested article = TestTopics.article(id, "Batch article " + i, opening(TestTopics.seed(seeds[i % seeds.length])));
            TestTopics.sendArticle(i % partitions, article);
            keys.add(id.toString());
        }
        return keys;
    }

    /** The text up to the first sentence end after 400 characters. */
    private static String opening(String text) {
        int end = text.indexOf(". ", Math.min(400, text.length()));
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private Process startSecondInstance(int port, Path log) throws IOException {
        StackSettings stack = Devstack.forProfile("test").settings();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "--enable-native-access=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + stack.kafkaBootstrap(),
                "-Dquarkus.oidc.auth-server-url=" + stack.realmUrl(),
                "-Dmp.messaging.incoming.articles-ingested.group.id=" + group,
                "-Dmp.messaging.incoming.articles-ingested.topic=" + TestTopics.ingested(),
                "-Dmp.messaging.incoming.articles-ingested.auto.offset.reset=latest",
                "-Dnewsdesk.nlp.instance-id=" + SECOND,
                "-Dnewsdesk.nlp.max-text-bytes=" + maxTextBytes,
                "-jar", JAR.toString()));
        System.out.println("[second-instance test] starting " + String.join(" ", command) + " (log: " + log.toAbsolutePath() + ")");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitReady(int port, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!second.isAlive()) {
                throw new AssertionError("the second instance exited with " + second.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            ServiceReadiness.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("the second instance was not ready within 5 minutes:\n" + Files.readString(log));
    }

    private void awaitMembersWithPartitions(int members) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String state = "";
        try (Admin admin = Devstack.forProfile("test").kafka().admin()) {
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                List<MemberDescription> withPartitions = description.members().stream()
                        .filter(m -> !m.assignment().topicPartitions().isEmpty()).toList();
                state = description.groupState() + " " + description.members().stream()
                        .map(m -> m.clientId() + "=" + m.assignment().topicPartitions().size()).toList();
                if (withPartitions.size() >= members && "STABLE".equalsIgnoreCase(description.groupState().toString())) {
                    System.out.println("[second-instance test] group " + group + ": " + state);
                    return;
                }
                ServiceReadiness.sleep(Duration.ofMillis(500));
            }
        }
        throw new AssertionError("group " + group + " never had " + members + " members with partitions: " + state);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
