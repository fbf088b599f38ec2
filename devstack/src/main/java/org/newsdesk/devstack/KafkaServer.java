package org.newsdesk.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.newsdesk.contracts.Topics;

/**
 * A single-node Kafka broker in KRaft mode, run from the Apache Kafka jars on Maven Central in a JVM of
 * its own. Creates the Newsdesk topics with the configured partition count.
 */
public final class KafkaServer implements InfraServer {

    static final String VERSION = "4.3.1";
    static final List<String> RUNTIME = List.of(
            "org.apache.kafka:kafka_2.13:" + VERSION,
            "org.apache.kafka:kafka-tools:" + VERSION,
            "org.apache.logging.log4j:log4j-slf4j-impl:2.24.3",
            "org.apache.logging.log4j:log4j-core:2.24.3");

    private final StackSettings settings;
    private final MavenArtifacts artifacts;
    private final ManagedProcess process;

    KafkaServer(StackSettings settings, MavenArtifacts artifacts) {
        this.settings = settings;
        this.artifacts = artifacts;
        this.process = new ManagedProcess(settings, "kafka");
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public boolean isUp() {
        return Probes.portOpen(settings.kafkaPort());
    }

    /** The broker's log directory: every topic's data. */
    Path dataFolder() {
        return settings.home().resolve("kafka").resolve("data");
    }

    @Override
    public Path log() {
        return process.logFile();
    }

    @Override
    public void start() throws Exception {
        if (isUp()) {
            return;
        }
        String classpath = artifacts.classpath("kafka-" + VERSION, RUNTIME);
        Path dir = settings.home().resolve("kafka");
        Path data = dataFolder();
        Files.createDirectories(data);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, serverProperties(data));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, """
                status = warn
                appender.console.type = Console
                appender.console.name = STDOUT
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = info
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.kafka.name = kafka
                logger.kafka.level = warn
                logger.kafka-server.name = kafka.server.KafkaRaftServer
                logger.kafka-server.level = info
                logger.apache.name = org.apache.kafka
                logger.apache.level = warn
                """);
        List<String> java = List.of(ProjectLayout.javaExecutable().toString(), "-Xms256m", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", classpath);
        if (!Files.isRegularFile(data.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
            Process p = new ProcessBuilder(format).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed:\n" + Probes.tail(log(), 20));
            }
        }
        List<String> run = new ArrayList<>(java);
        run.addAll(List.of("kafka.Kafka", config.toString()));
        process.start(run, dir, Map.of());
    }

    private String serverProperties(Path data) {
        int port = settings.kafkaPort();
        int controller = settings.kafkaControllerPort();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + settings.partitions(),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "") ;
    }

    @Override
    public void awaitReady(Duration timeout) throws Exception {
        boolean ours = process.running().isPresent();
        Probes.await("Kafka", timeout, this::isUp, () -> !ours || process.running().isPresent(), log());
        createTopics(timeout);
    }

    /** Creates the missing topics and grows any that have fewer partitions than configured. */
    void createTopics(Duration timeout) throws Exception {
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<String> existing;
            while (true) {
                try {
                    existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    break;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    ManagedProcess.sleep(500);
                }
            }
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, settings.partitions(), (short) 1).configs(topicConfig(topic)));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            // Topics created by an older devstack lack the size limits: set them (idempotent) on every start.
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> limits = new HashMap<>();
            for (String topic : Topics.ALL) {
                if (existing.contains(topic)) {
                    List<AlterConfigOp> ops = topicConfig(topic).entrySet().stream()
                            .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                            .toList();
                    if (!ops.isEmpty()) {
                        limits.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops);
                    }
                }
            }
            if (!limits.isEmpty()) {
                admin.incrementalAlterConfigs(limits).all().get(30, TimeUnit.SECONDS);
            }
            Map<String, NewPartitions> grow = new HashMap<>();
            for (TopicDescription d : describeWhenKnown(admin, deadline)) {
                if (d.partitions().size() < settings.partitions()) {
                    grow.put(d.name(), NewPartitions.increaseTo(settings.partitions()));
                }
            }
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Topic-level settings: the message size limit events of that topic need (see {@link Topics#maxMessageBytes}). */
    static Map<String, String> topicConfig(String topic) {
        return Topics.maxMessageBytes(topic).stream()
                .mapToObj(bytes -> Map.entry("max.message.bytes", Integer.toString(bytes)))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A just-created topic can be unknown to the broker's metadata for a moment: ask again until it is known. */
    private static java.util.Collection<TopicDescription> describeWhenKnown(Admin admin, long deadline) throws Exception {
        while (true) {
            try {
                return admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS).values();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                ManagedProcess.sleep(500);
            }
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        return Admin.create(props);
    }

    @Override
    public boolean stop() throws Exception {
        return process.stop(Duration.ofSeconds(30));
    }

    /** Kills the broker without a clean shutdown, for fault tests. */
    public boolean kill() throws Exception {
        return process.stop(Duration.ZERO);
    }
}
