package org.newsdesk.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the Newsdesk checkout, the JDK and Maven that devstack runs servers and builds with. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    /**
     * The project root: {@code NEWSDESK_ROOT}, else the nearest folder at or above the working directory
     * that holds {@code deploy/keycloak/newsdesk-realm.json} (tests run inside a module folder).
     */
    public static Path root() {
        String fromEnv = System.getenv("NEWSDESK_ROOT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/keycloak/newsdesk-realm.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Newsdesk checkout above " + Path.of("").toAbsolutePath()
                + "; set NEWSDESK_ROOT");
    }

    /** The java launcher of the JVM running devstack: it is 21+ by construction (the code needs it). */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** A Maven command: the wrapper that surefire or the launcher ran with, the project's mvnw, or mvn on the PATH. */
    public static List<String> mavenCommand() {
        List<String> command = new ArrayList<>();
        String mavenHome = System.getProperty("maven.home");
        Path wrapper = null;
        try {
            wrapper = root().resolve("mvnw");
        } catch (IllegalStateException ignored) {
            // no checkout: fall through to the other choices
        }
        if (mavenHome != null && !mavenHome.isBlank() && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))) {
            command.add(Path.of(mavenHome, "bin", "mvn").toString());
        } else if (wrapper != null && Files.isExecutable(wrapper)) {
            command.add(wrapper.toString());
        } else {
            command.add("mvn");
        }
        command.add("-B");
        command.add("-q");
        return command;
    }
}
