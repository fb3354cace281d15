package dev.swarmwatch.agent.config;

import dev.swarmwatch.alerts.route.TimeInterval;
import dev.swarmwatch.alerts.route.TimeWindow;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds {@code time_intervals} in Alertmanager's shape: named lists of windows. */
final class TimeIntervalBinder {
    private static final List<String> KEYS = List.of("name", "time_intervals");
    private static final List<String> WINDOW_KEYS = List.of("times", "weekdays", "days_of_month", "months", "years",
            "location");
    private static final List<String> TIME_KEYS = List.of("start_time", "end_time");
    private static final String TIME = "a time HH:MM";

    private final AlertValues values;
    private final Problems problems;

    TimeIntervalBinder(AlertValues values) {
        this.values = values;
        this.problems = values.scalars().problems();
    }

    Map<String, TimeInterval> bind(YamlNode node, String path) {
        Map<String, TimeInterval> intervals = new LinkedHashMap<>();
        values.items(node, path, "time intervals", (item, itemPath) -> Section.open(item, itemPath, KEYS, Set.of(),
                Section.expectedOneOf(KEYS), values.scalars()).ifPresent(s -> {
            Optional<String> name = values.scalar(s, "name", "a name", AlertConfigBinder::labelName);
            if (name.isEmpty() && s.node("name").isEmpty()) {
                problems.add(item.mark(), Problems.child(itemPath, "name"), "missing: every time interval needs a name");
            }
            List<TimeWindow> windows = new ArrayList<>();
            s.node("time_intervals").ifPresent(list -> values.items(list, Problems.child(itemPath, "time_intervals"),
                    "time windows", (w, wPath) -> window(w, wPath).ifPresent(windows::add)));
            name.ifPresent(n -> {
                if (intervals.containsKey(n)) {
                    problems.add(item.mark(), itemPath, "duplicate time interval name " + n);
                } else {
                    intervals.put(n, new TimeInterval(n, windows));
                }
            });
        }));
        return intervals;
    }

    private Optional<TimeWindow> window(YamlNode node, String path) {
        return Section.open(node, path, WINDOW_KEYS, Set.of(), Section.expectedOneOf(WINDOW_KEYS), values.scalars())
                .map(s -> {
                    List<TimeWindow.Range> times = new ArrayList<>();
                    s.node("times").ifPresent(list -> values.items(list, Problems.child(path, "times"), "times",
                            (t, tPath) -> Section.open(t, tPath, TIME_KEYS, Set.of(), Section.expectedOneOf(TIME_KEYS),
                                    values.scalars()).ifPresent(ts -> range(ts, t, tPath).ifPresent(times::add))));
                    ZoneId zone = values.scalar(s, "location", "a time zone such as Europe/Berlin or UTC",
                            TimeIntervalBinder::zone).orElse(ZoneOffset.UTC);
                    return new TimeWindow(times,
                            values.list(s, "weekdays", path, "a weekday or range monday:friday", TimeWindow::weekdays),
                            values.list(s, "days_of_month", path, "a day of month or range 1:5, -3:-1", TimeWindow::daysOfMonth),
                            values.list(s, "months", path, "a month or range january:march", TimeWindow::months),
                            values.list(s, "years", path, "a year or range 2026:2027", TimeWindow::years), zone);
                });
    }

    private Optional<TimeWindow.Range> range(Section s, YamlNode node, String path) {
        Optional<String> start = values.scalar(s, "start_time", TIME, t -> {
            TimeWindow.minuteOfDay(t);
            return t;
        });
        Optional<String> end = values.scalar(s, "end_time", TIME, t -> {
            TimeWindow.minuteOfDay(t);
            return t;
        });
        for (String key : TIME_KEYS) {
            if (s.node(key).isEmpty()) {
                problems.add(node.mark(), Problems.child(path, key), "missing: every time range needs " + key);
            }
        }
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeWindow.times(start.get(), end.get()));
        } catch (IllegalArgumentException e) {
            problems.add(s.node("end_time").orElseThrow().mark(), Problems.child(path, "end_time"), e.getMessage());
            return Optional.empty();
        }
    }

    private static ZoneId zone(String text) {
        try {
            return text.trim().equalsIgnoreCase("local") ? ZoneId.systemDefault() : ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone \"" + text + "\" (expected a zone such as Europe/Berlin or UTC)");
        }
    }
}
