package org.newsdesk.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server process that devstack started and may stop again. Its PID file ({@code run/NAME.pid}) holds
 * the PID and start time, so {@code down} stops only what devstack started, never a process that happens
 * to have reused the PID.
 */
public final class ManagedProcess {

    private final String name;
    private final Path pidFile;
    private final Path logFile;

    public ManagedProcess(StackSettings settings, String name) {
        this.name = name;
        this.pidFile = settings.run().resolve(name + ".pid");
        this.logFile = settings.logs().resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the command detached from this JVM (it outlives it), output appended to the log file. */
    public ProcessHandle start(List<String> command, Path workDir, Map<String, String> env) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        ProcessHandle handle = process.toHandle();
        Instant started = handle.info().startInstant().orElse(Instant.EPOCH);
        Files.writeString(pidFile, handle.pid() + " " + started.toEpochMilli() + System.lineSeparator());
        return handle;
    }

    /** Records a process that started itself in the background (pg_ctl's postmaster). */
    public void adopt(long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Instant started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(Instant.EPOCH);
        Files.writeString(pidFile, pid + " " + started.toEpochMilli() + System.lineSeparator());
    }

    /** The live process this PID file names, if it is still the one we started. */
    public Optional<ProcessHandle> running() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(pidFile).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long startedMillis = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> startedMillis == 0 || h.info().startInstant()
                            .map(i -> Math.abs(i.toEpochMilli() - startedMillis) < 2000).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** TERM to the process and its children, KILL after the grace period; removes the PID file. */
    public boolean stop(Duration grace) throws IOException {
        Optional<ProcessHandle> handle = running();
        if (handle.isPresent()) {
            ProcessHandle process = handle.get();
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + grace.toNanos();
            while ((process.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive)) && System.nanoTime() < deadline) {
                sleep(200);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        Files.deleteIfExists(pidFile);
        return handle.isPresent();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
