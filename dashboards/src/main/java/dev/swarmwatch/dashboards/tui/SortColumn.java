package dev.swarmwatch.dashboards.tui;

/** The table's sort columns in the order {@code s} cycles through them; STATUS (worst first) is the default. */
public enum SortColumn {
    STATUS, STACK, NAME, REPLICAS, FAILED, LATENCY, SCORE;

    public SortColumn next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
