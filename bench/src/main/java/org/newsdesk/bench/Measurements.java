package org.newsdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: median and spread, as the report states them. */
record Measurements(String name, String unit, List<Double> values) {

    Measurements {
        values = List.copyOf(values);
    }

    double median() {
        return percentile(50);
    }

    double percentile(double p) {
        return percentile(values, p);
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    String summary() {
        if (values.isEmpty()) {
            return "not measured";
        }
        double min = Collections.min(values);
        double max = Collections.max(values);
        return String.format(Locale.ROOT, "%s %s (median of %d; min %s, max %s)", format(median()), unit, values.size(),
                format(min), format(max));
    }

    static String format(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
