package dev.swarmwatch.checks.http;

import dev.swarmwatch.checks.spi.CheckResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a server's answer reaches a result: a bounded, sanitized excerpt without the target's secrets. */
class HttpBodyExcerptTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static HttpTarget target(String url, Map<String, String> headers) {
        return new HttpTarget("GET", url, headers, StatusSpec.parse("200"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5),
                true, 14, 7, true);
    }

    private static CheckResult judge(HttpTarget t, int status, String reason, String body) {
        return HttpVerdict.judge(t, new HttpVerdict.Observation(status, reason, body, body.length(),
                Duration.ofMillis(3), Optional.empty()), NOW);
    }

    @Test
    void aHugeBodyShowsAtMostTwoHundredCharactersOnOneLine() {
        String body = "line one\nline two\r\n" + "x".repeat(1_000_000);
        CheckResult r = judge(target("http://h/", Map.of()), 500, "Server Error", body);
        String detail = r.details().getFirst();
        assertThat(detail).startsWith("body: line one line two xxx").doesNotContain("\n").doesNotContain("\r");
        assertThat(detail.length()).isLessThanOrEqualTo("body: ".length() + HttpVerdict.BODY_SHOWN);
        assertThat(detail).endsWith("\u2026");
    }

    @Test
    void escapeSequencesAndControlsInBodyAndReasonAreRemoved() {
        CheckResult r = judge(target("http://h/", Map.of()), 503, "Bad\u001b]0;pwned\u0007 Gateway\r",
                "\u001b[2J\u001b[31mdown\u0007\u009b1m");
        assertThat(r.summary()).isEqualTo("status 503, expected 200; 503 Bad Gateway  in 3 ms");
        assertThat(r.details()).containsExactly("body: down?"); // a lone BEL becomes ?
    }

    @Test
    void aServerEchoingTheRequestShowsNoneOfTheTargetsSecrets() {
        HttpTarget t = target("http://ops:url-pass-1234@h/health?token=query-tok-5678",
                Map.of("Authorization", "Bearer header-tok-9abc", "Accept", "text/plain"));
        String echo = "401 Unauthorized. You sent: GET /health?token=query-tok-5678 Authorization: Bearer header-tok-9abc"
                + " (header-tok-9abc) url-pass-1234 " + "y".repeat(150) + " header-tok-9abc";
        CheckResult r = judge(t, 401, "Unauthorized", echo);
        String detail = r.details().getFirst();
        assertThat(detail).doesNotContain("query-tok", "header-tok", "url-pass").contains("***")
                .startsWith("body: 401 Unauthorized. You sent: GET /health?token=*** Authorization: *** (***) *** yyy");
    }
}
