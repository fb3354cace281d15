package dev.swarmwatch.alerts.route;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One window of a time interval, Alertmanager's shape: every field that is given must match, in
 * the window's time zone (so 08:00-17:00 stays 08:00-17:00 local time across a DST change).
 *
 * @param times       minute-of-day ranges, start inclusive, end exclusive (end 1440 is 24:00)
 * @param weekdays    1 (monday) .. 7 (sunday), inclusive ranges
 * @param daysOfMonth 1..31 or -31..-1 counted from the month's end (-1 is its last day), inclusive
 * @param months      1..12, inclusive
 * @param years       inclusive
 */
public record TimeWindow(List<Range> times, List<Range> weekdays, List<Range> daysOfMonth, List<Range> months,
                         List<Range> years, ZoneId location) {

    /** An inclusive range of numbers (for times: end exclusive). */
    public record Range(int start, int end) {
    }

    public TimeWindow {
        times = List.copyOf(times);
        weekdays = List.copyOf(weekdays);
        daysOfMonth = List.copyOf(daysOfMonth);
        months = List.copyOf(months);
        years = List.copyOf(years);
        Objects.requireNonNull(location, "location");
    }

    public boolean contains(Instant instant) {
        ZonedDateTime t = instant.atZone(location);
        int minute = t.getHour() * 60 + t.getMinute();
        int length = t.toLocalDate().lengthOfMonth();
        return (times.isEmpty() || times.stream().anyMatch(r -> minute >= r.start() && minute < r.end()))
                && in(weekdays, t.getDayOfWeek().getValue())
                && (daysOfMonth.isEmpty() || daysOfMonth.stream().anyMatch(r -> {
            int from = day(r.start(), length);
            int to = day(r.end(), length);
            return t.getDayOfMonth() >= from && t.getDayOfMonth() <= to;
        }))
                && in(months, t.getMonthValue()) && in(years, t.getYear());
    }

    private static int day(int value, int length) {
        return value < 0 ? length + value + 1 : value;
    }

    private static boolean in(List<Range> ranges, int value) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> value >= r.start() && value <= r.end());
    }

    /** {@code HH:MM} as a minute of the day; {@code 24:00} is 1440. */
    public static int minuteOfDay(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{2}):(\\d{2})").matcher(text.trim());
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if ((h < 24 && min < 60) || (h == 24 && min == 0)) {
                return h * 60 + min;
            }
        }
        throw new IllegalArgumentException("expected a time HH:MM between 00:00 and 24:00, got \"" + text + "\"");
    }

    public static Range times(String start, String end) {
        int from = minuteOfDay(start);
        int to = minuteOfDay(end);
        if (to <= from) {
            throw new IllegalArgumentException("end_time " + end + " must be after start_time " + start);
        }
        return new Range(from, to);
    }

    /** {@code monday}, {@code monday:friday}. */
    public static Range weekdays(String text) {
        return range(text, s -> {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(s)) {
                    return d.getValue();
                }
            }
            throw new IllegalArgumentException("expected a weekday such as monday or monday:friday, got \"" + text + "\"");
        }, 1, 7, "weekdays");
    }

    /** {@code january}, {@code 1:3}, {@code january:march}. */
    public static Range months(String text) {
        return range(text, s -> {
            for (Month m : Month.values()) {
                if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(s)) {
                    return m.getValue();
                }
            }
            return number(s, text, "a month such as january, 1 or january:march");
        }, 1, 12, "months");
    }

    /** {@code 1}, {@code 1:5}, {@code -3:-1}. */
    public static Range daysOfMonth(String text) {
        Range r = range(text, s -> number(s, text, "a day of month such as 1, 1:15 or -3:-1"), -31, 31, "days of month");
        if (r.start() == 0 || r.end() == 0) {
            throw new IllegalArgumentException("days of month are 1..31 or -31..-1, got \"" + text + "\"");
        }
        if (Integer.signum(r.start()) == Integer.signum(r.end()) && r.end() < r.start()) {
            throw new IllegalArgumentException("range " + text + " ends before it starts");
        }
        return r;
    }

    public static Range years(String text) {
        return range(text, s -> number(s, text, "a year such as 2026 or 2026:2027"), 1, 9999, "years");
    }

    private static Range range(String text, java.util.function.Function<String, Integer> one, int min, int max,
                               String what) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("expected a value or a range start:end for " + what + ", got \"" + text + "\"");
        }
        int start = one.apply(parts[0].trim());
        int end = parts.length == 2 ? one.apply(parts[1].trim()) : start;
        if (start < min || start > max || end < min || end > max) {
            throw new IllegalArgumentException(what + " out of range " + min + ".." + max + ": \"" + text + "\"");
        }
        if (!what.equals("days of month") && end < start) {
            throw new IllegalArgumentException("range " + text + " ends before it starts");
        }
        return new Range(start, end);
    }

    private static int number(String s, String text, String expected) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected + ", got \"" + text + "\"");
        }
    }
}
