package dev.swarmwatch.alerts.route;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeWindowTest {

    @Test
    void negativeDaysOfMonthCountFromTheMonthsEnd() {
        TimeWindow lastThree = new TimeWindow(List.of(), List.of(), List.of(TimeWindow.daysOfMonth("-3:-1")), List.of(),
                List.of(), ZoneOffset.UTC);

        assertThat(lastThree.contains(Instant.parse("2026-02-26T12:00:00Z"))).isTrue();
        assertThat(lastThree.contains(Instant.parse("2026-02-25T12:00:00Z"))).isFalse();
        assertThat(lastThree.contains(Instant.parse("2026-03-29T12:00:00Z"))).isTrue();
        assertThat(lastThree.contains(Instant.parse("2026-03-28T12:00:00Z"))).isFalse();
    }

    @Test
    void monthsYearsAndWeekdaysAsNamesOrNumbers() {
        TimeWindow w = new TimeWindow(List.of(), List.of(TimeWindow.weekdays("saturday:sunday")),
                List.of(), List.of(TimeWindow.months("december"), TimeWindow.months("1:2")),
                List.of(TimeWindow.years("2026:2027")), ZoneOffset.UTC);

        assertThat(w.contains(Instant.parse("2026-12-05T10:00:00Z"))).as("a Saturday in December").isTrue();
        assertThat(w.contains(Instant.parse("2026-12-07T10:00:00Z"))).as("a Monday").isFalse();
        assertThat(w.contains(Instant.parse("2027-01-02T10:00:00Z"))).isTrue();
        assertThat(w.contains(Instant.parse("2028-01-01T10:00:00Z"))).as("2028 is outside").isFalse();
        assertThat(w.contains(Instant.parse("2026-03-07T10:00:00Z"))).as("March is outside").isFalse();
    }

    @Test
    void timesAreStartInclusiveEndExclusiveAndMayEndAtMidnight() {
        TimeWindow evening = new TimeWindow(List.of(TimeWindow.times("17:00", "24:00")), List.of(), List.of(), List.of(),
                List.of(), ZoneOffset.UTC);

        assertThat(evening.contains(Instant.parse("2026-03-02T17:00:00Z"))).isTrue();
        assertThat(evening.contains(Instant.parse("2026-03-02T23:59:59Z"))).isTrue();
        assertThat(evening.contains(Instant.parse("2026-03-03T00:00:00Z"))).isFalse();
        assertThat(evening.contains(Instant.parse("2026-03-02T16:59:59Z"))).isFalse();
    }

    @Test
    void badRangesAreRejectedWithTheirText() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.times("10:00", "09:00"))
                .withMessage("end_time 09:00 must be after start_time 10:00");
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.minuteOfDay("24:01"))
                .withMessageContaining("\"24:01\"");
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.weekdays("friday:monday"))
                .withMessage("range friday:monday ends before it starts");
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.months("13"))
                .withMessage("months out of range 1..12: \"13\"");
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.daysOfMonth("-1:-3"))
                .withMessage("range -1:-3 ends before it starts");
    }
}
