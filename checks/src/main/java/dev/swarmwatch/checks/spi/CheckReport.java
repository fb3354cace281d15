package dev.swarmwatch.checks.spi;

import java.util.Objects;

/** A check's identity together with what it found in one cycle. */
public record CheckReport(String kind, Subject subject, CheckResult result) {

    public CheckReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(result, "result");
    }

    public String id() {
        return kind + ":" + subject.name();
    }

    public Status status() {
        return result.status();
    }
}
