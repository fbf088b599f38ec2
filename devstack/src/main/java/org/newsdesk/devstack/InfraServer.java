package org.newsdesk.devstack;

import java.time.Duration;

/** One real server of the stack. {@code start} reuses a server already answering on its port. */
public interface InfraServer {

    String name();

    /** Answers on its port (started by us or by someone else). */
    boolean isUp();

    /** Starts the server if it is not up; returns without waiting for readiness. */
    void start() throws Exception;

    /** Blocks until the server serves requests, then does its one-time set-up (databases, topics, realm). */
    void awaitReady(Duration timeout) throws Exception;

    /** Stops the server if devstack started it; returns whether it did. */
    boolean stop() throws Exception;

    /** The log file of a server devstack started. */
    java.nio.file.Path log();
}
