package org.newsdesk.devstack;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keycloak from its distribution on Maven Central, in dev mode, with the {@code newsdesk} realm imported
 * from {@code deploy/keycloak/newsdesk-realm.json} (the realm production uses) plus the demo users of
 * {@code deploy/keycloak/dev-users.json}. A changed realm file is imported afresh on the next start.
 */
public final class KeycloakServer implements InfraServer {

    static final String VERSION = "26.7.3";

    private final StackSettings settings;
    private final MavenArtifacts artifacts;
    private final ManagedProcess process;

    KeycloakServer(StackSettings settings, MavenArtifacts artifacts) {
        this.settings = settings;
        this.artifacts = artifacts;
        this.process = new ManagedProcess(settings, "keycloak");
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public boolean isUp() {
        return Probes.portOpen(settings.keycloakPort());
    }

    @Override
    public Path log() {
        return process.logFile();
    }

    private Path install() {
        return settings.home().resolve("keycloak-" + VERSION);
    }

    @Override
    public void start() throws Exception {
        if (isUp()) {
            return;
        }
        Path install = install();
        if (!Files.isRegularFile(install.resolve("bin/kc.sh"))) {
            Path dist = artifacts.file("org.keycloak:keycloak-quarkus-dist:" + VERSION + ":tar.gz", "keycloak-" + VERSION + "-dist");
            try (InputStream in = Files.newInputStream(dist)) {
                Archives.extract(in, false, install, 1);
            }
        }
        writeRealm(install);
        process.start(List.of(install.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + settings.keycloakPort(),
                        "--http-management-port=" + settings.keycloakManagementPort(),
                        "--import-realm",
                        "--health-enabled=true"),
                install,
                Map.of("JAVA_HOME", ProjectLayout.javaHome().toString(),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
    }

    /** The realm to import: production's realm file plus the dev users; re-imported when either changes. */
    private void writeRealm(Path install) throws Exception {
        Path deploy = ProjectLayout.root().resolve("deploy/keycloak");
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(deploy.resolve("newsdesk-realm.json").toFile());
        ObjectNode users = (ObjectNode) json.readTree(deploy.resolve("dev-users.json").toFile());
        realm.set("users", users.get("users"));
        byte[] content = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(realm);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        Path imports = install.resolve("data/import");
        Path hashFile = imports.resolve(".realm-sha256");
        if (Files.isRegularFile(hashFile) && !Files.readString(hashFile).trim().equals(hash)) {
            // dev mode keeps the realm in its H2 database and skips an import of an existing realm
            Archives.deleteTree(install.resolve("data/h2"));
        }
        Files.createDirectories(imports);
        Files.write(imports.resolve("newsdesk-realm.json"), content);
        Files.writeString(hashFile, hash, StandardCharsets.UTF_8);
    }

    @Override
    public void awaitReady(Duration timeout) throws Exception {
        boolean ours = process.running().isPresent();
        String health = "http://127.0.0.1:" + settings.keycloakManagementPort() + "/health/ready";
        String realm = settings.realmUrl() + "/.well-known/openid-configuration";
        Probes.await("Keycloak", timeout, () -> (!ours || Probes.httpOk(health)) && Probes.httpOk(realm),
                () -> !ours || process.running().isPresent(), log());
    }

    @Override
    public boolean stop() throws Exception {
        return process.stop(Duration.ofSeconds(30));
    }
}
