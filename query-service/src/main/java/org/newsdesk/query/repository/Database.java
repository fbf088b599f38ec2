package org.newsdesk.query.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

/**
 * The one place that runs SQL: binds parameters (always as parameters, never spliced into the text),
 * maps rows, and turns {@link SQLException} into {@link DataAccessException}. Connections come from
 * Agroal and join the caller's transaction; this class never begins or commits one.
 */
@ApplicationScoped
public class Database {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Consumes every row of a result, for streaming. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /** A PostgreSQL array parameter of the given element type. */
    public record SqlArray(String elementType, Object[] elements) {
    }

    @Inject
    DataSource dataSource;

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, sql, mapper, params);
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    private static <T> List<T> read(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /**
     * {@link #list} with sequential scans priced out ({@code SET LOCAL enable_seqscan = off}) for this statement
     * alone, when the caller has no transaction of its own (otherwise a plain {@link #list}). For full-text
     * matches: the planner prices {@code @@} per row as if it were free, so for a word in a quarter of the
     * articles it reads and compares every article's {@code tsvector} (about ten times slower, measured) instead
     * of taking the matches from the GIN index, which needs no recheck for them.
     */
    public <T> List<T> listUsingIndexes(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                return read(connection, sql, mapper, params);
            }
            connection.setAutoCommit(false);
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL enable_seqscan = off");
                }
                List<T> result = read(connection, sql, mapper, params);
                connection.commit();
                return result;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /** Runs one statement per parameter row in a JDBC batch. */
    public void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(connection, statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e.getNextException() != null ? e.getNextException() : e);
        }
    }

    /**
     * Streams a large result with a server-side cursor, {@code fetchSize} rows at a time. Outside a
     * transaction it opens a read-only one of its own (PostgreSQL keeps cursors only inside one).
     */
    public void stream(String sql, int fetchSize, RowConsumer consumer, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = prepare(connection, sql, params)) {
                statement.setFetchSize(fetchSize);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(rows);
                    }
                }
            } finally {
                if (ownTransaction) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static float[] floats(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = ((Number) values[i]).floatValue();
        }
        return floats;
    }

    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            strings.add((String) value);
        }
        return strings;
    }

    public static SqlArray realArray(float[] values) {
        if (values == null) {
            return null;
        }
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return new SqlArray("real", boxed);
    }

    public static SqlArray textArray(Collection<String> values) {
        return new SqlArray("text", values == null ? new String[0] : values.toArray(String[]::new));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, Statement.NO_GENERATED_KEYS);
        try {
            bind(connection, statement, params);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            int index = i + 1;
            if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof SqlArray array) {
                statement.setArray(index, connection.createArrayOf(array.elementType(), array.elements()));
            } else if (value instanceof Enum<?> e) {
                statement.setString(index, e.name());
            } else {
                statement.setObject(index, value);
            }
        }
    }
}
