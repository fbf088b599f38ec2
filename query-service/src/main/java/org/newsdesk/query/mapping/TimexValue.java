package org.newsdesk.query.mapping;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar day a normalised TIMEX3 / ISO-8601 date value starts on, and how precise it is:
 * "2022-01-05" → 2022-01-05 DAY, "2024-11-21TEV" → 2024-11-21 DAY, "2022-W01" → Monday 2022-01-03 WEEK,
 * "2022-01" → 2022-01-01 MONTH, "2022-Q1" → QUARTER, "2022" → YEAR. Durations, sets and values such as
 * "PRESENT_REF" or "XXXX-01-10" denote no single day: they come back as null and stay off the timeline.
 */
public record TimexValue(LocalDate date, String precision) {

    private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:T.*)?$");
    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})(?:-WE)?$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");

    /** Parses {@code value}; null when it is no calendar date or {@code type} is DURATION or SET. */
    public static TimexValue parse(String value, String type) {
        if (value == null || "DURATION".equalsIgnoreCase(type) || "SET".equalsIgnoreCase(type)) {
            return null;
        }
        try {
            Matcher m = DAY.matcher(value);
            if (m.matches()) {
                return new TimexValue(LocalDate.of(year(m), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), "DAY");
            }
            m = WEEK.matcher(value);
            if (m.matches()) {
                LocalDate monday = LocalDate.of(year(m), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new TimexValue(monday, "WEEK");
            }
            m = MONTH.matcher(value);
            if (m.matches()) {
                return new TimexValue(LocalDate.of(year(m), Integer.parseInt(m.group(2)), 1), "MONTH");
            }
            m = QUARTER.matcher(value);
            if (m.matches()) {
                return new TimexValue(LocalDate.of(year(m), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1), "QUARTER");
            }
            m = YEAR.matcher(value);
            if (m.matches()) {
                return new TimexValue(LocalDate.of(year(m), 1, 1), "YEAR");
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static int year(Matcher m) {
        return Integer.parseInt(m.group(1));
    }
}
