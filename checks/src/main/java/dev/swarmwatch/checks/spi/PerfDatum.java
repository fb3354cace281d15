package dev.swarmwatch.checks.spi;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One performance value of a check, in the Nagios perfdata shape
 * {@code 'label'=value[UOM];[warn];[crit];[min];[max]}.
 *
 * @param label short name, unique within its check
 * @param value the measured value
 * @param unit  Nagios unit of measure: "", "s", "ms", "%", "B", "c"
 */
public record PerfDatum(String label, double value, String unit,
                        OptionalDouble warn, OptionalDouble crit,
                        OptionalDouble min, OptionalDouble max) {

    public PerfDatum {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(warn, "warn");
        Objects.requireNonNull(crit, "crit");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (label.isBlank()) {
            throw new IllegalArgumentException("perfdata label is blank");
        }
        if (!unit.matches("|s|ms|us|%|B|KB|MB|GB|TB|c")) {
            throw new IllegalArgumentException("perfdata unit not allowed by Nagios: " + unit);
        }
    }

    public static PerfDatum of(String label, double value, String unit) {
        return new PerfDatum(label, value, unit, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A count with a known range, e.g. running replicas between 0 and desired. */
    public static PerfDatum count(String label, long value, long min, long max) {
        return new PerfDatum(label, value, "", OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.of(min), OptionalDouble.of(max));
    }

    public PerfDatum withThresholds(double warnAt, double critAt) {
        return new PerfDatum(label, value, unit, OptionalDouble.of(warnAt), OptionalDouble.of(critAt), min, max);
    }
}
