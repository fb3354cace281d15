package dev.swarmwatch.dashboards.report;

import dev.swarmwatch.checks.spi.UrlCredentials;

import java.util.Objects;

/**
 * What the report says about where its facts came from.
 *
 * @param engine   the Docker engine asked, as a URI; credentials in it are masked here
 * @param apiCalls Docker API calls the cycle made
 */
public record ReportMeta(String engine, long apiCalls) {
    public ReportMeta {
        engine = UrlCredentials.mask(Objects.requireNonNull(engine, "engine"));
        if (apiCalls < 0) {
            throw new IllegalArgumentException("apiCalls < 0");
        }
    }
}
