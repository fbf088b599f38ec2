package org.newsdesk.query.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.config.QueryConfig;

/**
 * The query parameters of one request, checked against what the endpoint accepts: an unknown or repeated
 * parameter, a bad date, id or number, a page size over the cap or an over-long query is collected as a
 * reason, and {@link #validate()} answers them all at once with one RFC 9457 400. Values are only ever
 * returned typed or as plain strings for bound SQL parameters.
 */
final class ApiRequest {

    private final MultivaluedMap<String, String> params;
    private final QueryConfig.Api limits;
    private final List<String> errors = new ArrayList<>();

    private ApiRequest(MultivaluedMap<String, String> params, QueryConfig.Api limits) {
        this.params = params;
        this.limits = limits;
    }

    static ApiRequest of(UriInfo uri, QueryConfig.Api limits, String... allowed) {
        ApiRequest request = new ApiRequest(uri.getQueryParameters(), limits);
        Set<String> known = Set.of(allowed);
        for (String name : new TreeSet<>(request.params.keySet())) {
            if (!known.contains(name)) {
                request.errors.add("unknown parameter '" + abbreviate(name) + "'; this endpoint accepts "
                        + new TreeSet<>(known));
            } else if (request.params.get(name).size() > 1) {
                request.errors.add("parameter '" + name + "' given more than once");
            }
        }
        return request;
    }

    /** The trimmed value, or null when absent or blank. */
    String text(String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > limits.maxQueryLength()) {
            errors.add("'" + name + "' is " + value.length() + " characters; at most " + limits.maxQueryLength());
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            errors.add("'" + name + "' contains a NUL character");
            return null;
        }
        return value.strip();
    }

    /** Start of a date range: a day (its start, UTC) or an ISO-8601 date-time with offset. */
    Instant from(String name) {
        return dateTime(name, false);
    }

    /** End of a date range, exclusive: a day counts whole (up to the start of the next day). */
    Instant to(String name) {
        return dateTime(name, true);
    }

    LocalDate day(String name, boolean endExclusive) {
        Instant instant = dateTime(name, endExclusive);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private Instant dateTime(String name, boolean endOfDay) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("'" + name + "' is not a date (YYYY-MM-DD) or date-time (ISO-8601 with offset): '"
                    + abbreviate(value) + "'");
            return null;
        }
    }

    int page() {
        return integer("page", 0, 0, Integer.MAX_VALUE);
    }

    int size() {
        return integer("size", limits.defaultPageSize(), 1, limits.maxPageSize());
    }

    int integer(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                errors.add("'" + name + "' must be between " + min + " and " + max + ", was " + number);
                return fallback;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add("'" + name + "' is not a whole number: '" + abbreviate(value) + "'");
            return fallback;
        }
    }

    UUID uuid(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add("'" + name + "' is not a UUID: '" + abbreviate(value) + "'");
            return null;
        }
    }

    Long id(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,18}")) {
            errors.add("'" + name + "' is not an entity id: '" + abbreviate(value) + "'");
            return null;
        }
        return Long.parseLong(value);
    }

    /** One of the allowed values (case-insensitive), upper-cased; the fallback when absent. */
    String oneOf(String name, String fallback, String... allowed) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        for (String option : allowed) {
            if (option.equalsIgnoreCase(value)) {
                return option.toUpperCase(Locale.ROOT);
            }
        }
        errors.add("'" + name + "' must be one of " + List.of(allowed) + ", was '" + abbreviate(value) + "'");
        return fallback;
    }

    void error(String reason) {
        errors.add(reason);
    }

    /** Answers 400 with every collected reason, if there is any. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", String.join("; ", errors), List.copyOf(errors));
        }
    }

    /** Whether page × size stays within the deepest page the API serves. */
    void checkDepth(int page, int size) {
        if ((long) page * size > limits.maxOffset()) {
            errors.add("page " + page + " of size " + size + " is deeper than " + limits.maxOffset()
                    + " results; narrow the query or use the export");
        }
    }

    private static String abbreviate(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
