package dev.swarmwatch.alerts.notify;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAnswerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void twoHundredsAreDelivered() {
        assertThat(HttpAnswer.of(204, null, "", clock, List.of())).isEqualTo(new Delivery.Delivered(204));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateOn429And503() {
        assertThat(HttpAnswer.of(429, "7", "slow down", clock, List.of()))
                .isEqualTo(new Delivery.Retry(Optional.of(Duration.ofSeconds(7)), "HTTP 429: slow down"));
        assertThat(HttpAnswer.of(503, "Wed, 02 Dec 2026 10:02:00 GMT", "", clock, List.of()))
                .isEqualTo(new Delivery.Retry(Optional.of(Duration.ofMinutes(2)), "HTTP 503"));
        assertThat(HttpAnswer.retryAfter("Wed, 02 Dec 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(HttpAnswer.retryAfter("soon", clock)).isEmpty();
    }

    @Test
    void timeoutsAndServerErrorsAreRetriedOtherClientErrorsAreNot() {
        assertThat(HttpAnswer.of(408, null, "", clock, List.of())).isInstanceOf(Delivery.Retry.class);
        assertThat(HttpAnswer.of(500, "9", "", clock, List.of()))
                .as("Retry-After only counts on 429 and 503").isEqualTo(new Delivery.Retry(Optional.empty(), "HTTP 500"));
        assertThat(HttpAnswer.of(400, null, "invalid_payload", clock, List.of()))
                .isEqualTo(new Delivery.Rejected(400, "HTTP 400: invalid_payload"));
        assertThat(HttpAnswer.of(404, null, "no_service", clock, List.of())).isInstanceOf(Delivery.Rejected.class);
    }

    @Test
    void reasonsAreSanitizedBoundedAndNeverQuoteASecret() {
        String secret = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";
        Delivery d = HttpAnswer.of(500, null, "\u001b[31mbad\u001b[0m " + secret + " " + "x".repeat(1000), clock, List.of(secret));
        String reason = ((Delivery.Retry) d).reason();
        assertThat(reason).startsWith("HTTP 500: bad *** x").doesNotContain("\u001b").doesNotContain("SECRET");
        assertThat(reason.length()).isLessThanOrEqualTo("HTTP 500: ".length() + HttpAnswer.EXCERPT);
    }

    @Test
    void aFailedConnectionSaysSoWithoutTheAddress() {
        Delivery d = HttpAnswer.failure(new ConnectException("Connection refused: hooks.example.com/10.0.0.1:443"));
        assertThat(d).isEqualTo(new Delivery.Retry(Optional.empty(), "connection refused"));
    }
}
