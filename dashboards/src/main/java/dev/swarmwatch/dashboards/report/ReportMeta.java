package dev.swarmwatch.dashboards.report;

import java.util.Objects;

/**
 * What the report says about where its facts came from.
 *
 * @param engine   the Docker engine asked, as a URI (never carries credentials)
 * @param apiCalls Docker API calls the cycle made
 */
public record ReportMeta(String engine, long apiCalls) {
    public ReportMeta {
        Objects.requireNonNull(engine, "engine");
        if (apiCalls < 0) {
            throw new IllegalArgumentException("apiCalls < 0");
        }
    }
}
