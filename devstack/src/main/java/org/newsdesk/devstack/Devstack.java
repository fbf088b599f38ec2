package org.newsdesk.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The real infrastructure of one stack: PostgreSQL, Kafka and Keycloak on loopback. Servers already
 * answering on their ports are reused, so the launcher and every test JVM of a build share one set.
 * Start-up is serialised across processes with a file lock, so two test JVMs never race.
 */
public final class Devstack {

    private final StackSettings settings;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final KeycloakServer keycloak;

    public Devstack(StackSettings settings) {
        this.settings = settings;
        MavenArtifacts artifacts = new MavenArtifacts(settings.cache());
        this.postgres = new PostgresServer(settings, artifacts);
        this.kafka = new KafkaServer(settings, artifacts);
        this.keycloak = new KeycloakServer(settings, artifacts);
    }

    public static Devstack forProfile(String profile) {
        return new Devstack(StackSettings.forProfile(profile));
    }

    public StackSettings settings() {
        return settings;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** Keycloak first: it takes longest, so the others start while it boots. */
    public List<InfraServer> servers() {
        return List.of(keycloak, postgres, kafka);
    }

    /** Starts what is not running and waits until every server is ready. Returns the names it started. */
    public List<String> start(Consumer<String> progress) throws Exception {
        try (FileLock ignored = lock()) {
            List<String> started = new ArrayList<>();
            for (InfraServer server : servers()) {
                if (server.isUp()) {
                    progress.accept(server.name() + ": already running, reusing it");
                } else {
                    progress.accept(server.name() + ": starting (log: " + server.log() + ")");
                    server.start();
                    started.add(server.name());
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> waits = new ArrayList<>();
                for (InfraServer server : servers()) {
                    Callable<Void> wait = () -> {
                        server.awaitReady(Duration.ofSeconds(300));
                        progress.accept(server.name() + ": ready");
                        return null;
                    };
                    waits.add(pool.submit(wait));
                }
                for (Future<?> f : waits) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            return started;
        }
    }

    /** Stops the servers this stack started (PID files); leaves others alone. */
    public List<String> stop(Consumer<String> progress) throws Exception {
        List<String> stopped = new ArrayList<>();
        for (InfraServer server : servers().reversed()) {
            if (server.stop()) {
                progress.accept(server.name() + ": stopped");
                stopped.add(server.name());
            }
        }
        return stopped;
    }

    /**
     * Deletes this stack's PostgreSQL and Kafka data, so that its next start begins empty; Keycloak and its realm
     * stay. The benchmark needs this to pass over the same corpus more than once. Refuses while any server answers
     * on this stack's ports, and refuses a PostgreSQL folder chosen through {@code NEWSDESK_PG_DATA}.
     */
    public void deleteData() throws IOException {
        for (InfraServer server : servers()) {
            if (server.isUp()) {
                throw new IllegalStateException(server.name() + " is running on this stack's port; stop it first");
            }
        }
        if (System.getenv("NEWSDESK_PG_DATA") != null) {
            throw new IllegalStateException("NEWSDESK_PG_DATA names a PostgreSQL folder of your own: not deleting it");
        }
        deleteTree(postgres.base().resolve("data"));
        deleteTree(kafka.dataFolder());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private FileLock lock() throws IOException {
        Files.createDirectories(settings.run());
        Path lockFile = settings.run().resolve("devstack.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        return new FileLock(channel, 0, Long.MAX_VALUE, false) {
            @Override
            public boolean isValid() {
                return lock.isValid();
            }

            @Override
            public void release() throws IOException {
                lock.release();
                channel.close();
            }
        };
    }
}
