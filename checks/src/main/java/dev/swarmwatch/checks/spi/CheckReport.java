package dev.swarmwatch.checks.spi;

import java.util.Objects;

/**
 * A check's identity together with what it found in one cycle.
 *
 * @param name the declared target's name, "" for checks of the swarm itself
 */
public record CheckReport(String kind, Subject subject, String name, CheckResult result) {

    public CheckReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
    }

    public CheckReport(String kind, Subject subject, CheckResult result) {
        this(kind, subject, "", result);
    }

    /** Stable identity across cycles: {@code kind:name} for targets, {@code kind:subject} otherwise. */
    public String id() {
        return id(kind, subject, name);
    }

    static String id(String kind, Subject subject, String name) {
        return kind + ":" + (name.isEmpty() ? subject.name() : name);
    }

    public Status status() {
        return result.status();
    }
}
