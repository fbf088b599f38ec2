package org.newsdesk.query.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The geometry of the mentions-over-time bar chart that the entity page draws as inline SVG: one bar per
 * day, week or month (whichever keeps the bars countable), empty periods included so gaps show. It computes
 * numbers and plain labels only; the template writes the SVG and escapes the labels.
 */
public final class MentionsChart {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 180;
    static final int LEFT = 36;
    static final int RIGHT = 8;
    static final int TOP = 10;
    static final int BOTTOM = 24;
    static final int MAX_BAR_WIDTH = 48;

    public enum Period { DAY, WEEK, MONTH }

    /** One bar: its box in SVG user units and its tooltip. */
    public record Bar(String x, String y, String width, String height, LocalDate start, long count, String label) {
    }

    /** A label under the x axis at {@code x}. */
    public record Tick(String x, String text) {
    }

    private final List<Bar> bars;
    private final List<Tick> ticks;
    private final long max;
    private final Period period;
    private final long total;

    private MentionsChart(List<Bar> bars, List<Tick> ticks, long max, Period period, long total) {
        this.bars = bars;
        this.ticks = ticks;
        this.max = max;
        this.period = period;
        this.total = total;
    }

    /** The chart of mention counts per day ({@code day → count}); days without mentions may be left out. */
    public static MentionsChart of(Map<LocalDate, Long> perDay) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        perDay.forEach((day, count) -> {
            if (day != null && count != null && count > 0) {
                days.merge(day, count, Long::sum);
            }
        });
        if (days.isEmpty()) {
            return new MentionsChart(List.of(), List.of(), 0, Period.DAY, 0);
        }
        LocalDate first = days.firstKey();
        LocalDate last = days.lastKey();
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        Period period = span <= 62 ? Period.DAY : span <= 7 * 80 ? Period.WEEK : Period.MONTH;
        TreeMap<LocalDate, Long> buckets = new TreeMap<>();
        for (LocalDate d = bucketOf(first, period); !d.isAfter(last); d = next(d, period)) {
            buckets.put(d, 0L);
        }
        days.forEach((day, count) -> buckets.merge(bucketOf(day, period), count, Long::sum));

        long max = buckets.values().stream().mapToLong(Long::longValue).max().orElse(1);
        long total = days.values().stream().mapToLong(Long::longValue).sum();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / buckets.size();
        double barWidth = Math.min(MAX_BAR_WIDTH, Math.max(1, slot * 0.8));
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, Long> bucket : buckets.entrySet()) {
            double h = bucket.getValue() == 0 ? 0 : Math.max(1.5, plotHeight * bucket.getValue() / max);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double y = TOP + plotHeight - h;
            bars.add(new Bar(num(x), num(y), num(barWidth), num(h), bucket.getKey(), bucket.getValue(),
                    label(bucket.getKey(), period, bucket.getValue())));
            i++;
        }
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(num(LEFT + slot / 2), tickText(buckets.firstKey(), period)));
        if (buckets.size() > 1) {
            ticks.add(new Tick(num(LEFT + (buckets.size() - 0.5) * slot), tickText(buckets.lastKey(), period)));
        }
        return new MentionsChart(bars, ticks, max, period, total);
    }

    public List<Bar> bars() {
        return bars;
    }

    public List<Tick> ticks() {
        return ticks;
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    public long max() {
        return max;
    }

    public long total() {
        return total;
    }

    public Period period() {
        return period;
    }

    public String periodName() {
        return period.name().toLowerCase(Locale.ROOT);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** Where the axes and the top label go, for the template. */
    public String axisLeft() {
        return num(LEFT);
    }

    public String axisBottom() {
        return num(HEIGHT - BOTTOM);
    }

    public String axisRight() {
        return num(WIDTH - RIGHT);
    }

    public String axisTop() {
        return num(TOP);
    }

    public String tickY() {
        return num(HEIGHT - 6);
    }

    private static LocalDate bucketOf(LocalDate day, Period period) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate bucket, Period period) {
        return switch (period) {
            case DAY -> bucket.plusDays(1);
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
        };
    }

    private static String label(LocalDate start, Period period, long count) {
        String when = switch (period) {
            case DAY -> start.toString();
            case WEEK -> "week of " + start;
            case MONTH -> start.toString().substring(0, 7);
        };
        return when + ": " + count + (count == 1 ? " mention" : " mentions");
    }

    private static String tickText(LocalDate start, Period period) {
        return period == Period.MONTH ? start.toString().substring(0, 7) : start.toString();
    }

    /** SVG numbers: dot decimal separator whatever the locale, one decimal. */
    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
