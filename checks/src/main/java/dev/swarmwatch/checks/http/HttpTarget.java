package dev.swarmwatch.checks.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One HTTP endpoint to probe and what its answer must look like.
 *
 * @param headers      request headers; their values may be secrets and are never shown
 * @param jsonPointer  with {@code jsonEquals}: the value at this pointer, as text, must equal it
 * @param certWarningDays  WARNING when the server certificate expires within this many days
 */
public record HttpTarget(String method, String url, Map<String, String> headers, StatusSpec expectStatus,
                         Optional<String> bodyContains, Optional<Pattern> bodyRegex,
                         Optional<String> jsonPointer, Optional<String> jsonEquals,
                         Optional<Duration> latencyWarning, Optional<Duration> latencyCritical,
                         Duration timeout, boolean tlsVerify, int certWarningDays, int certCriticalDays,
                         boolean followRedirects) {

    public HttpTarget {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(expectStatus, "expectStatus");
        Objects.requireNonNull(timeout, "timeout");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("url: expected http:// or https://, got \"" + url + "\"");
        }
        if (jsonPointer.isPresent() != jsonEquals.isPresent()) {
            throw new IllegalArgumentException("json_pointer and json_equals go together");
        }
        if (latencyWarning.isPresent() && latencyCritical.isPresent()
                && latencyWarning.get().compareTo(latencyCritical.get()) > 0) {
            throw new IllegalArgumentException("latency_warning is above latency_critical");
        }
        if (certCriticalDays > certWarningDays) {
            throw new IllegalArgumentException("cert_critical_days is above cert_warning_days");
        }
    }

    public HttpTarget withUrl(String other) {
        return new HttpTarget(method, other, headers, expectStatus, bodyContains, bodyRegex, jsonPointer, jsonEquals,
                latencyWarning, latencyCritical, timeout, tlsVerify, certWarningDays, certCriticalDays, followRedirects);
    }

    @Override
    public String toString() {
        return "HttpTarget[" + method + " " + url + ", headers " + headers.keySet() + "]";
    }
}
