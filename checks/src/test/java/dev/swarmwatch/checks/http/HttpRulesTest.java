package dev.swarmwatch.checks.http;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Replica;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure parts of the HTTP check: expected statuses, URL templates, and judging an answer. */
class HttpRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static HttpTarget target() {
        return new HttpTarget("GET", "https://example.test/health", Map.of("Authorization", "Bearer s3cret"),
                StatusSpec.parse("200-299,301"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofMillis(100)), Optional.of(Duration.ofMillis(500)), Duration.ofSeconds(5),
                true, 14, 7, true);
    }

    private static HttpVerdict.Observation answer(int status, String body, long ms, Instant certExpiry) {
        return new HttpVerdict.Observation(status, status == 200 ? "OK" : "", body, body.length(), Duration.ofMillis(ms),
                Optional.ofNullable(certExpiry).map(e -> new HttpVerdict.Cert("CN=example.test", e)));
    }

    @Test
    void statusSpecsTakeCodesAndRanges() {
        StatusSpec spec = StatusSpec.parse("200-299, 301");
        assertThat(spec.matches(204)).isTrue();
        assertThat(spec.matches(301)).isTrue();
        assertThat(spec.matches(302)).isFalse();
        assertThat(spec.text()).isEqualTo("200-299,301");
        for (String bad : new String[]{"", "2xx", "299-200", "700", "200-", "1-2-3"}) {
            assertThatThrownBy(() -> StatusSpec.parse(bad)).hasMessage(
                    "expect_status: expected codes and ranges such as 200-299,301, got \"" + bad + "\"");
        }
    }

    @Test
    void urlTemplatesFillSlotAndAddressAndRefuseUnknownPlaceholders() {
        UrlTemplate t = new UrlTemplate("http://{{address}}:8080/r{{ slot }}");
        assertThat(t.perReplica()).isTrue();
        assertThat(t.expand(new Replica(3, "10.0.1.7", "n1"))).isEqualTo("http://10.0.1.7:8080/r3");
        assertThat(new UrlTemplate("http://a/").perReplica()).isFalse();
        assertThatThrownBy(() -> new UrlTemplate("http://{{host}}/"))
                .hasMessage("url: unknown placeholder {{host}} (known: {{slot}}, {{address}})");
    }

    @Test
    void aFastExpectedAnswerIsOkWithItsPerfdata() {
        CheckResult r = HttpVerdict.judge(target(), answer(200, "fine", 12, NOW.plus(Duration.ofDays(80))), NOW);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("200 OK in 12 ms, certificate expires in 80 days");
        assertThat(r.perfdata()).extracting(p -> p.label()).containsExactly("time", "status", "size", "cert_days_left");
    }

    @Test
    void anUnexpectedStatusIsCriticalWithTheStartOfTheBody() {
        CheckResult r = HttpVerdict.judge(target(), answer(503, "backend\n  unavailable", 3, null), NOW);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("status 503, expected 200-299,301; 503 in 3 ms");
        assertThat(r.details()).containsExactly("body: backend unavailable");
    }

    @Test
    void slownessAndCertificateExpiryAreJudgedByTheirThresholds() {
        assertThat(HttpVerdict.judge(target(), answer(200, "", 150, null), NOW).status()).isEqualTo(Status.WARNING);
        CheckResult slow = HttpVerdict.judge(target(), answer(200, "", 600, null), NOW);
        assertThat(slow.status()).isEqualTo(Status.CRITICAL);
        assertThat(slow.summary()).startsWith("took 600 ms (critical at 500 ms)");
        CheckResult soon = HttpVerdict.judge(target(), answer(200, "", 5, NOW.plus(Duration.ofDays(10))), NOW);
        assertThat(soon.status()).isEqualTo(Status.WARNING);
        assertThat(soon.summary()).startsWith("certificate for CN=example.test expires in 10 days (2026-12-03)");
        CheckResult expired = HttpVerdict.judge(target(), answer(200, "", 5, NOW.minus(Duration.ofDays(1))), NOW);
        assertThat(expired.status()).isEqualTo(Status.CRITICAL);
        assertThat(expired.summary()).startsWith("certificate for CN=example.test expired on 2026-11-22");
    }

    @Test
    void bodyExpectationsNameWhatFailed() {
        HttpTarget t = target();
        HttpTarget contains = new HttpTarget(t.method(), t.url(), t.headers(), t.expectStatus(), Optional.of("UP"),
                Optional.of(Pattern.compile("ver(sion)? \\d+")), Optional.of("/status"), Optional.of("UP"),
                Optional.empty(), Optional.empty(), t.timeout(), true, 14, 7, true);
        assertThat(HttpVerdict.judge(contains, answer(200, "{\"status\":\"UP\",\"v\":\"version 2\"}", 1, null), NOW).status())
                .isEqualTo(Status.OK);
        assertThat(HttpVerdict.judge(contains, answer(200, "maintenance", 1, null), NOW).summary())
                .startsWith("body does not contain \"UP\"");
        assertThat(HttpVerdict.judge(contains, answer(200, "UP, no version", 1, null), NOW).summary())
                .startsWith("body does not match /ver(sion)? \\d+/");
        assertThat(HttpVerdict.judge(contains, answer(200, "UP version 2", 1, null), NOW).summary())
                .startsWith("body is not JSON, cannot read /status");
        assertThat(HttpVerdict.judge(contains, answer(200, "{\"status\":\"UPGRADING\",\"v\":\"version 1\"}", 1, null), NOW).summary())
                .startsWith("/status is \"UPGRADING\", expected UP");
    }

    @Test
    void headerValuesNeverShowInTheTarget() {
        assertThat(target().toString()).doesNotContain("s3cret").contains("Authorization");
    }
}
