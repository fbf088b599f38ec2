package org.newsdesk.query.messaging;

/** An event that no retry can fix (unreadable, wrong schema, inconsistent key): straight to the DLQ. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
