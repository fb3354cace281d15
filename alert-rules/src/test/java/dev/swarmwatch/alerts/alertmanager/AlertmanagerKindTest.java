package dev.swarmwatch.alerts.alertmanager;

import dev.swarmwatch.alerts.notify.Delivery;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.testing.Alerts;
import dev.swarmwatch.alerts.testing.Delivering;
import dev.swarmwatch.alerts.testing.Receiver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The request shape and the HA rule; the real Alertmanager is in the tests module. */
class AlertmanagerKindTest {
    @TempDir
    Path tmp;

    @Test
    void everyUrlGetsThePostableAlertsAndOneMemberTakingItIsEnough() throws Exception {
        Instant t0 = Instant.now().minusSeconds(60);
        try (Receiver a = new Receiver(); Receiver b = new Receiver(); Delivering d = new Delivering(tmp)) {
            b.answer(q -> Receiver.Answer.of(503, "not ready"));
            Notifier am = d.notifier(new AlertmanagerKind(), "am", Map.of("urls", a.url("") + ", " + b.url("/")));
            assertThat(am.resend()).hasValueSatisfying(r -> {
                assertThat(r.every()).isEqualTo(Duration.ofMinutes(1));
                assertThat(r.resolvedFor()).isEqualTo(Duration.ofMinutes(5));
            });
            Delivery result = am.send(Alerts.one("n1", "am", Alerts.firing("web", t0), t0)).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(result).isEqualTo(new Delivery.Delivered(200));
            assertThat(a.requests()).singleElement().satisfies(q -> assertThat(q.path()).isEqualTo("/api/v2/alerts"));
            assertThat(b.requests()).singleElement().satisfies(q -> assertThat(q.path()).isEqualTo("/api/v2/alerts"));
            JsonObject alert = new JsonArray(a.requests().getFirst().text()).getJsonObject(0);
            assertThat(alert.fieldNames()).containsExactlyInAnyOrder("labels", "annotations", "startsAt", "endsAt", "generatorURL");
            assertThat(alert.getJsonObject("labels").getString("alertname")).isEqualTo("ReplicasMissing");
            assertThat(Instant.parse(alert.getString("endsAt"))).isAfter(Instant.now().plusSeconds(200));
        }
    }

    @Test
    void allMembersDownIsARetryNamingEachWithoutItsUrl() throws Exception {
        Instant t0 = Instant.now();
        try (Receiver a = new Receiver(); Receiver b = new Receiver(); Delivering d = new Delivering(tmp)) {
            a.answer(q -> Receiver.Answer.of(500, "boom"));
            b.answer(q -> Receiver.Answer.of(400, "bad alert"));
            Notifier am = d.notifier(new AlertmanagerKind(), "am", Map.of("urls", a.url("") + " " + b.url("")));
            Delivery result = am.send(Alerts.one("n1", "am", Alerts.resolved("web", t0.minusSeconds(60), t0), t0))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(result).isInstanceOf(Delivery.Retry.class);
            assertThat(((Delivery.Retry) result).reason()).isEqualTo("urls[0] HTTP 500: boom; urls[1] HTTP 400: bad alert")
                    .doesNotContain("127.0.0.1");
            JsonObject alert = new JsonArray(a.requests().getFirst().text()).getJsonObject(0);
            assertThat(alert.getString("endsAt")).isEqualTo(t0.toString());
        }
    }
}
