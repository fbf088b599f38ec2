package org.newsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What Linux's {@code /proc} says about a process the benchmark measures: peak memory and CPU time. */
final class ProcessStats {

    /** USER_HZ, which is 100 on every Linux architecture the JDK runs on. */
    private static final double CLOCK_TICKS = 100.0;

    private ProcessStats() {
    }

    /** Peak resident memory (VmHWM) of a process in MB, or empty when /proc does not say. */
    static Optional<Double> peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Optional.of(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024);
            }
        }
        return Optional.empty();
    }

    /** User plus system CPU seconds of a process and its live children (PostgreSQL's backends); 0 for none. */
    static double cpuSeconds(Optional<ProcessHandle> process) {
        if (process.isEmpty()) {
            return 0;
        }
        double ticks = 0;
        for (ProcessHandle p : Stream.concat(Stream.of(process.get()), process.get().descendants()).toList()) {
            String line;
            try {
                line = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            } catch (IOException gone) { // a backend that ended meanwhile
                continue;
            }
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14); children already reaped
            // count through cutime/cstime
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        }
        return ticks / CLOCK_TICKS;
    }
}
