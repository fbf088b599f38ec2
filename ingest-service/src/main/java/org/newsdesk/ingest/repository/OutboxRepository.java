package org.newsdesk.ingest.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The transactional outbox: rows written in the same transaction as the article they describe, then claimed,
 * sent and marked by the relay. Rows of one article are only ever claimed oldest first, one at a time, so two
 * relays (two replicas) can never send an article's events out of order. Every method runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class OutboxRepository {

    /** One event to send; {@code payload} null is a tombstone. */
    public record PendingEvent(long id, UUID articleId, int revision, String payload, int attempts) {

        public boolean tombstone() {
            return payload == null;
        }
    }

    @Inject
    EntityManager em;

    /** Appends one row; {@code payload} null is a tombstone. */
    public void append(UUID articleId, int revision, String payload) {
        appendAll(List.of(new NewEvent(articleId, revision, payload)));
    }

    /** One outbox row to write; {@code payload} null is a tombstone. */
    public record NewEvent(UUID articleId, int revision, String payload) {
    }

    /** Appends several rows with one batched statement, in the given order (their ids follow it). */
    public void appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "insert into outbox (article_id, revision, payload) values (?, ?, ?)")) {
                for (NewEvent event : events) {
                    st.setObject(1, event.articleId());
                    st.setInt(2, event.revision());
                    st.setString(3, event.payload());
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
    }

    /**
     * Locks up to {@code limit} due rows, each the oldest unsent row of its article. Rows another relay holds are
     * skipped, and so are the later rows of their articles (the not-exists sees the locked, still unsent row).
     */
    public List<PendingEvent> claim(Connection connection, int limit) throws SQLException {
        List<PendingEvent> events = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("""
                select o.id, o.article_id, o.revision, o.payload, o.attempts from outbox o
                where o.sent_at is null and o.next_attempt_at <= now()
                  and not exists (select 1 from outbox p
                                  where p.article_id = o.article_id and p.sent_at is null and p.id < o.id)
                order by o.id
                limit ?
                for update skip locked
                """)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(new PendingEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3),
                            rs.getString(4), rs.getInt(5)));
                }
            }
        }
        return events;
    }

    public void markSent(Connection connection, List<PendingEvent> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(
                "update outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = any(?)")) {
            st.setArray(1, connection.createArrayOf("bigint", sent.stream().map(PendingEvent::id).toArray()));
            st.executeUpdate();
        }
        List<PendingEvent> published = sent.stream().filter(e -> !e.tombstone()).toList();
        if (published.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement("""
                update article a set status = 'PUBLISHED', updated_at = now()
                from unnest(?, ?) as p(id, revision)
                where a.id = p.id and a.revision = p.revision and a.status = 'RECEIVED'
                """)) {
            st.setArray(1, connection.createArrayOf("uuid", published.stream().map(PendingEvent::articleId).toArray()));
            st.setArray(2, connection.createArrayOf("integer", published.stream().map(PendingEvent::revision).toArray()));
            st.executeUpdate();
        }
    }

    public void markFailed(Connection connection, PendingEvent event, Duration retryIn, String error) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "update outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")) {
            st.setTimestamp(1, Timestamp.from(Instant.now().plus(retryIn)));
            st.setString(2, error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error);
            st.setLong(3, event.id());
            st.executeUpdate();
        }
    }

    /**
     * Gives up on an event the broker will never accept: the row is closed with the reason, so the article's later
     * rows can go, and the article shows FAILED with the reason instead of waiting forever.
     */
    public void markRejected(Connection connection, PendingEvent event, String reason) throws SQLException {
        String clipped = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        try (PreparedStatement st = connection.prepareStatement(
                "update outbox set sent_at = now(), attempts = attempts + 1, last_error = ? where id = ?")) {
            st.setString(1, "rejected: " + clipped);
            st.setLong(2, event.id());
            st.executeUpdate();
        }
        if (event.tombstone()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement("""
                update article set status = 'FAILED', failure_reason = ?, updated_at = now()
                where id = ? and revision = ? and status = 'RECEIVED'
                """)) {
            st.setString(1, "publishing failed: " + clipped);
            st.setObject(2, event.articleId());
            st.setInt(3, event.revision());
            st.executeUpdate();
        }
    }

    /** Deletes sent rows older than the cut-off; returns how many. */
    public int purgeSentBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("delete from outbox where sent_at < ?")) {
            st.setTimestamp(1, Timestamp.from(cutoff));
            return st.executeUpdate();
        }
    }

    /** Unsent rows and the age of the oldest, for health and metrics. */
    public record Backlog(long pending, Duration oldest) {
    }

    public Backlog backlog(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "select count(*), min(created_at) from outbox where sent_at is null");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()));
        }
    }
}
