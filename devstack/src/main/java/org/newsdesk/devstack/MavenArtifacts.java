package org.newsdesk.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fetches server distributions through Maven (the only registry a plain machine may reach) into the
 * devstack cache, once. Maven itself keeps the downloads in its local repository, so a second stack
 * or a fresh cache costs a copy, not a download.
 */
final class MavenArtifacts {

    private final Path cache;

    MavenArtifacts(Path cache) {
        this.cache = cache;
    }

    /** One artifact file ({@code group:artifact:version[:type[:classifier]]}) copied into {@code cache/folder}. */
    Path file(String coordinates, String folder) throws IOException, InterruptedException {
        Path dir = cache.resolve(folder);
        Path found = singleFile(dir);
        if (found != null) {
            return found;
        }
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(ProjectLayout.mavenCommand());
        command.addAll(List.of("org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
                "-Dartifact=" + coordinates, "-DoutputDirectory=" + dir, "-Dmdep.overWriteReleases=false"));
        runMaven(command, dir, "fetch " + coordinates);
        found = singleFile(dir);
        if (found == null) {
            throw new IOException("Maven did not deliver " + coordinates + " into " + dir);
        }
        return found;
    }

    /**
     * The runtime classpath of a set of artifacts with their transitive dependencies, resolved by a small
     * generated POM that has no parent, so no BOM of ours can change the versions the server was built with.
     */
    String classpath(String name, List<String> coordinates) throws IOException, InterruptedException {
        Path dir = cache.resolve(name);
        Path classpathFile = dir.resolve("classpath.txt");
        if (Files.isRegularFile(classpathFile)) {
            String classpath = Files.readString(classpathFile).trim();
            if (!classpath.isEmpty() && Stream.of(classpath.split(java.io.File.pathSeparator)).allMatch(p -> Files.exists(Path.of(p)))) {
                return classpath;
            }
        }
        Files.createDirectories(dir);
        StringBuilder deps = new StringBuilder();
        for (String c : coordinates) {
            String[] parts = c.split(":");
            deps.append("<dependency><groupId>").append(parts[0]).append("</groupId><artifactId>").append(parts[1])
                    .append("</artifactId><version>").append(parts[2]).append("</version></dependency>\n");
        }
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.newsdesk.devstack</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(name, deps));
        List<String> command = new ArrayList<>(ProjectLayout.mavenCommand());
        command.addAll(List.of("-f", dir.resolve("pom.xml").toString(),
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.outputFile=" + classpathFile, "-Dmdep.includeScope=runtime"));
        runMaven(command, dir, "resolve " + name);
        return Files.readString(classpathFile).trim();
    }

    private static void runMaven(List<String> command, Path dir, String what) throws IOException, InterruptedException {
        Path log = dir.resolve("maven.log");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IOException("Maven failed to " + what + " (exit " + process.exitValue() + "); see " + log
                    + System.lineSeparator() + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static Path singleFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".log"))
                    .findFirst().orElse(null);
        }
    }
}
