package org.newsdesk.query.repository;

import java.sql.SQLException;

/** A failed SQL statement; unchecked so that transactions roll back and the consumer retries. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String sql, SQLException cause) {
        super(cause.getMessage() + " [SQL: " + abbreviate(sql) + "]", (Throwable) cause);
    }

    /** A failure outside a statement (e.g. while mapping a row). */
    public DataAccessException(String what, Exception cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
