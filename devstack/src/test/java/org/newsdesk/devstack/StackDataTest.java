package org.newsdesk.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a stopped stack's data, as the benchmark does before each pass over the corpus. */
class StackDataTest {

    @TempDir
    Path home;

    /** A stack in a folder of its own, on ports nothing listens on. */
    private Devstack stack(int portBase) {
        StackSettings settings = StackSettings.forProfile("dev", Map.of(
                "NEWSDESK_STACK_HOME", home.resolve("stack").toString(), "NEWSDESK_CACHE", home.resolve("cache").toString(),
                "NEWSDESK_PG_PORT", Integer.toString(portBase), "NEWSDESK_KAFKA_PORT", Integer.toString(portBase + 1),
                "NEWSDESK_KAFKA_CONTROLLER_PORT", Integer.toString(portBase + 2),
                "NEWSDESK_KEYCLOAK_PORT", Integer.toString(portBase + 3),
                "NEWSDESK_KEYCLOAK_MANAGEMENT_PORT", Integer.toString(portBase + 4)));
        return new Devstack(settings);
    }

    @Test
    void deletesPostgresAndKafkaDataButKeepsKeycloak() throws Exception {
        Devstack stack = stack(47311);
        Path pgData = Files.createDirectories(stack.postgres().base().resolve("data").resolve("base"));
        Files.writeString(pgData.resolve("16384"), "rows");
        Path kafkaData = Files.createDirectories(stack.kafka().dataFolder().resolve("articles.ingested-0"));
        Files.writeString(kafkaData.resolve("00000000000000000000.log"), "events");
        Path keycloak = Files.createDirectories(stack.settings().home().resolve("keycloak-26.7.3").resolve("data"));

        stack.deleteData();

        assertThat(stack.postgres().base().resolve("data")).doesNotExist();
        assertThat(stack.kafka().dataFolder()).doesNotExist();
        assertThat(keycloak).isDirectory();
        deleteQuietly(stack.postgres().base());
    }

    @Test
    void refusesWhileAServerAnswersOnTheStacksPorts() throws Exception {
        Devstack stack = stack(47321);
        Path kafkaData = Files.createDirectories(stack.kafka().dataFolder());
        try (ServerSocket postgresPort = new ServerSocket(47321, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(stack::deleteData).isInstanceOf(IllegalStateException.class).hasMessageContaining("running");
        }
        assertThat(kafkaData).isDirectory();
    }

    @Test
    void anotherHomeKeepsTheProfileAndPorts() {
        StackSettings dev = StackSettings.forProfile("dev", Map.of("NEWSDESK_HOME", "/tmp/nd-a"));
        StackSettings bench = dev.withHome(Path.of("/tmp/nd-a/bench"));
        assertThat(bench.home()).isEqualTo(Path.of("/tmp/nd-a/bench"));
        assertThat(bench.withHome(dev.home())).isEqualTo(dev);
        assertThat(bench.postgresPort()).isEqualTo(dev.postgresPort());
    }

    private static void deleteQuietly(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
