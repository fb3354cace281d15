package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.spi.Status;

/** What a cell means; the painter turns it into colours or, without colour, into bold and reverse. */
public enum Style {
    NORMAL, BOLD, DIM, HEADER, SELECTED, OK, WARNING, CRITICAL, UNKNOWN;

    public static Style of(Status status) {
        return switch (status) {
            case OK -> OK;
            case WARNING -> WARNING;
            case CRITICAL -> CRITICAL;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
