package org.newsdesk.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class MentionsChartTest {

    @Test
    void aFewDaysGetOneBarPerDayWithEmptyDaysKept() {
        Map<LocalDate, Long> days = new TreeMap<>(Map.of(LocalDate.parse("2022-01-05"), 3L, LocalDate.parse("2022-01-06"), 6L,
                LocalDate.parse("2022-01-09"), 2L));
        MentionsChart chart = MentionsChart.of(days);

        assertThat(chart.period()).isEqualTo(MentionsChart.Period.DAY);
        assertThat(chart.bars()).hasSize(5);
        assertThat(chart.bars()).extracting(MentionsChart.Bar::count).containsExactly(3L, 6L, 0L, 0L, 2L);
        assertThat(chart.max()).isEqualTo(6);
        assertThat(chart.total()).isEqualTo(11);
        assertThat(chart.bars().get(1).label()).isEqualTo("2022-01-06: 6 mentions");
        double tallest = Double.parseDouble(chart.bars().get(1).height());
        double first = Double.parseDouble(chart.bars().get(0).height());
        assertThat(first / tallest).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(chart.bars().get(2).height())).isZero();
    }

    @Test
    void yearsOfMentionsAreGroupedByMonthAndStayInsideTheDrawing() {
        Map<LocalDate, Long> days = Map.of(LocalDate.parse("2022-01-05"), 4L, LocalDate.parse("2022-01-20"), 1L,
                LocalDate.parse("2024-11-22"), 2L);
        MentionsChart chart = MentionsChart.of(days);

        assertThat(chart.period()).isEqualTo(MentionsChart.Period.MONTH);
        assertThat(chart.bars()).hasSize(35);
        assertThat(chart.bars().get(0).count()).isEqualTo(5);
        assertThat(chart.bars().get(0).label()).isEqualTo("2022-01: 5 mentions");
        for (MentionsChart.Bar bar : chart.bars()) {
            double x = Double.parseDouble(bar.x());
            double y = Double.parseDouble(bar.y());
            assertThat(x).isBetween(0.0, (double) MentionsChart.WIDTH);
            assertThat(x + Double.parseDouble(bar.width())).isLessThanOrEqualTo(MentionsChart.WIDTH);
            assertThat(y + Double.parseDouble(bar.height())).isLessThanOrEqualTo(MentionsChart.HEIGHT);
        }
        assertThat(chart.ticks()).extracting(MentionsChart.Tick::text).containsExactly("2022-01", "2024-11");
    }

    @Test
    void noMentionsMeansNoChart() {
        assertThat(MentionsChart.of(Map.of()).empty()).isTrue();
    }
}
