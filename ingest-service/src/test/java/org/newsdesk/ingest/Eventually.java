package org.newsdesk.ingest;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something the service does asynchronously (relay, status follower), failing with the last state seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        AssertionError lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (AssertionError e) {
                lastError = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
        if (lastError != null) {
            failure.addSuppressed(lastError);
        }
        throw failure;
    }
}
