package dev.swarmwatch.alerts.outbox;

import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.slack.SlackKind;
import dev.swarmwatch.alerts.store.OutboxState;
import dev.swarmwatch.alerts.testing.Alerts;
import dev.swarmwatch.alerts.testing.Delivering;
import dev.swarmwatch.alerts.testing.Receiver;
import dev.swarmwatch.alerts.webhook.WebhookKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox against a real HTTP receiver on port 0, through the real webhook and Slack notifiers. */
class OutboxTest {
    private static final OutboxPolicy FAST = OutboxPolicy.DEFAULTS.withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));

    @TempDir
    Path tmp;

    private static Instant now() {
        return Instant.now();
    }

    private static void await(java.util.function.BooleanSupplier done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + max);
            }
            Thread.sleep(20);
        }
    }

    private Notifier webhook(Delivering d, Receiver r) {
        return d.notifier(new WebhookKind(), "ops", Map.of("url", r.url("/hook")));
    }

    @Test
    void committedNotificationsGoOutOldestFirstAndAreMarkedDelivered() throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            Outbox outbox = d.outbox(Map.of("ops", webhook(d, r)), FAST);
            outbox.start().toCompletionStage().toCompletableFuture().join();
            Instant t = now();
            List<Notification> ns = IntStream.range(0, 3).mapToObj(i -> Alerts.one("n" + i, "ops",
                    Alerts.firing("svc" + i, t), t.plusMillis(i))).toList();
            outbox.commit("{\"s\":1}", List.of(ns.get(2), ns.get(0), ns.get(1))).toCompletionStage().toCompletableFuture().join();
            await(() -> outbox.stats().receivers().get("ops").outcome(ReceiverStats.DELIVERED) == 3, Duration.ofSeconds(10));
            assertThat(r.requests()).extracting(q -> q.header("webhook-id")).containsExactly("n0", "n1", "n2");
            await(() -> outbox.stats().receivers().get("ops").pending() == 0, Duration.ofSeconds(5));
            assertThat(d.store.outbox(OutboxState.DELIVERED, 10).join()).hasSize(3);
            assertThat(d.store.loadState().join()).contains("{\"s\":1}");
        }
    }

    @Test
    void aClientErrorIsNotRetriedAndSaysSo() throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            r.answer(q -> Receiver.Answer.of(400, "invalid_payload"));
            Outbox outbox = d.outbox(Map.of("ops", webhook(d, r)), FAST);
            outbox.start();
            outbox.commit("{}", List.of(Alerts.one("n1", "ops", Alerts.firing("web", now()), now())));
            await(() -> outbox.stats().receivers().get("ops").outcome(ReceiverStats.REJECTED) == 1, Duration.ofSeconds(10));
            Thread.sleep(1500);
            assertThat(r.requests()).hasSize(1);
            var gone = d.store.outbox(OutboxState.UNDELIVERABLE, 10).join();
            assertThat(gone).singleElement().satisfies(e ->
                    assertThat(e.lastError()).contains("rejected, not retried: HTTP 400: invalid_payload"));
            await(() -> outbox.stats().receivers().get("ops").undeliverable() == 1, Duration.ofSeconds(5));
        }
    }

    @Test
    void retryAfterSevenSecondsOn429IsWaitedOut() throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            r.answer(q -> r.requests().size() == 1
                    ? new Receiver.Answer(429, Map.of("Retry-After", "7"), "rate limited") : Receiver.Answer.OK);
            Outbox outbox = d.outbox(Map.of("ops", webhook(d, r)), FAST);
            outbox.start();
            outbox.commit("{}", List.of(Alerts.one("n1", "ops", Alerts.firing("web", now()), now())));
            await(() -> outbox.stats().receivers().get("ops").outcome(ReceiverStats.DELIVERED) == 1, Duration.ofSeconds(15));
            List<Receiver.Request> got = r.requests();
            assertThat(got).hasSize(2);
            assertThat(Duration.ofNanos(got.get(1).nanos() - got.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(7))
                    .isLessThan(Duration.ofSeconds(9));
            assertThat(got).extracting(q -> q.header("webhook-id")).containsOnly("n1");
        }
    }

    @Test
    void aReceiverDownForSeveralRetriesGetsEveryNotificationOnceWhenBack() throws Exception {
        Receiver probe = new Receiver();
        int port = probe.port();
        probe.close();     // the port refuses connections until the receiver comes back on it
        try (Delivering d = new Delivering(tmp)) {
            Notifier hook = d.notifier(new WebhookKind(), "ops", Map.of("url", "http://127.0.0.1:" + port + "/hook"));
            Outbox outbox = d.outbox(Map.of("ops", hook), FAST);
            outbox.start();
            Instant t = now();
            List<Notification> ns = IntStream.range(0, 5).mapToObj(i -> Alerts.one("n" + i, "ops",
                    Alerts.firing("svc" + i, t), t.plusMillis(i))).toList();
            outbox.commit("{}", ns);
            await(() -> outbox.stats().receivers().get("ops").outcome(ReceiverStats.RETRY) >= 4, Duration.ofSeconds(20));
            Thread.sleep(3000);
            try (Receiver back = new Receiver(port)) {
                back.answer(q -> back.requests().size() <= 2 ? Receiver.Answer.of(503, "warming up") : Receiver.Answer.OK);
                await(() -> outbox.stats().receivers().get("ops").outcome(ReceiverStats.DELIVERED) == 5, Duration.ofSeconds(20));
                Map<String, Long> delivered = back.requests().stream().skip(2)
                        .collect(Collectors.groupingBy(q -> q.header("webhook-id"), Collectors.counting()));
                assertThat(delivered).isEqualTo(Map.of("n0", 1L, "n1", 1L, "n2", 1L, "n3", 1L, "n4", 1L));
                assertThat(back.requests().subList(0, 2)).extracting(q -> q.header("webhook-id")).containsOnly("n0");
            }
        }
    }

    @Test
    void aNewOutboxOverTheSameStateDirResendsPendingWithTheSameWebhookId() throws Exception {
        try (Receiver r = new Receiver()) {
            r.answer(q -> Receiver.Answer.of(503, "down"));
            try (Delivering d = new Delivering(tmp)) {
                Outbox first = d.outbox(Map.of("ops", webhook(d, r)), OutboxPolicy.DEFAULTS.withBackoff(Duration.ofMinutes(1), Duration.ofMinutes(5)));
                first.start();
                first.commit("{}", List.of(Alerts.one("fp-web:firing:1", "ops", Alerts.firing("web", now()), now())));
                await(() -> r.requests().size() == 1, Duration.ofSeconds(10));
                first.stop();
            }
            r.answer(q -> Receiver.Answer.OK);
            try (Delivering d = new Delivering(tmp)) {
                // Restarted: the row waits for its backoff (a minute) and is then sent with its original id.
                d.store.markRetry("ops", "fp-web:firing:1", 1, now(), "HTTP 503: down").join();
                Outbox second = d.outbox(Map.of("ops", webhook(d, r)), FAST);
                second.start();
                await(() -> r.requests().size() == 2, Duration.ofSeconds(10));
                await(() -> second.stats().receivers().get("ops").outcome(ReceiverStats.DELIVERED) == 1, Duration.ofSeconds(5));
            }
            assertThat(r.requests()).extracting(q -> q.header("webhook-id")).containsExactly("fp-web:firing:1", "fp-web:firing:1");
            assertThat(r.requests().get(0).text()).isEqualTo(r.requests().get(1).text());
        }
    }

    @Test
    void drainDeliversWhatItCanBeforeTheDeadlineAndLeavesTheRestPending() throws Exception {
        try (Receiver up = new Receiver(); Receiver down = new Receiver(); Delivering d = new Delivering(tmp)) {
            down.answer(q -> Receiver.Answer.of(503, "maintenance"));
            Outbox outbox = d.outbox(Map.of("ops", webhook(d, up),
                    "chat", d.notifier(new WebhookKind(), "chat", Map.of("url", down.url("/x")))), FAST);
            Instant t = now();
            d.store.commit("{}", List.of(Alerts.one("a", "ops", Alerts.firing("web", t), t),
                    Alerts.one("b", "chat", Alerts.firing("web", t), t))).join();
            long started = System.nanoTime();
            OutboxStats stats = outbox.drain(now().plusSeconds(3)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isLessThan(Duration.ofMillis(3800));
            assertThat(stats.receivers().get("ops").outcome(ReceiverStats.DELIVERED)).isEqualTo(1);
            assertThat(stats.receivers().get("ops").pending()).isZero();
            assertThat(stats.receivers().get("chat").pending()).isEqualTo(1);
            // Tried at least once; whether a retry also fits before the deadline is up to the jitter.
            assertThat(down.requests().size()).isGreaterThanOrEqualTo(1);
            assertThat(d.store.oldestPending("chat").join()).isPresent();
        }
    }

    @Test
    void aNotificationPastItsMaximumAgeIsUndeliverableCountedAndListed() throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            r.answer(q -> Receiver.Answer.of(503, "down"));
            Outbox outbox = d.outbox(Map.of("ops", webhook(d, r)), FAST.withMaxAge(Duration.ofSeconds(2)));
            outbox.start();
            outbox.commit("{}", List.of(Alerts.one("old", "ops", Alerts.firing("web", now()), now())));
            await(() -> outbox.stats().receivers().get("ops").outcome(ReceiverStats.UNDELIVERABLE) == 1, Duration.ofSeconds(10));
            await(() -> outbox.stats().undeliverable() == 1, Duration.ofSeconds(5));
            var listed = outbox.undeliverable(10).toCompletionStage().toCompletableFuture().join();
            assertThat(listed).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo("old");
                assertThat(e.lastError()).hasValueSatisfying(m -> assertThat(m).startsWith("not delivered within 2s after ")
                        .contains("last: HTTP 503: down"));
            });
            int sent = r.requests().size();
            Thread.sleep(1000);
            assertThat(r.requests()).hasSize(sent);
        }
    }

    @Test
    void whatAnAlertmanagerTookIsResentOnItsScheduleAndAResolvedAlertOnlyForItsWindow() throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            Notifier am = d.notifier(new dev.swarmwatch.alerts.alertmanager.AlertmanagerKind(), "am", Map.of("urls", r.url("")));
            Notifier quick = new Notifier() {     // Alertmanager's schedule (1 min, 5 min) shrunk to fit a test
                @Override
                public io.vertx.core.Future<dev.swarmwatch.alerts.notify.Delivery> send(Notification n) {
                    return am.send(n);
                }

                @Override
                public java.util.Optional<Resend> resend() {
                    return java.util.Optional.of(new Resend(Duration.ofMillis(400), Duration.ofSeconds(1)));
                }
            };
            Outbox outbox = d.outbox(Map.of("am", quick), FAST);
            outbox.start();
            Instant t = now().minusSeconds(60);
            outbox.commit("{}", List.of(Alerts.one("fire", "am", Alerts.firing("web", t), now())));
            await(() -> r.requests().size() >= 4, Duration.ofSeconds(10));
            assertThat(r.requests()).allSatisfy(q -> assertThat(q.text()).contains("\"service\":\"web\""));
            assertThat(outbox.stats().receivers().get("am").outcome(ReceiverStats.RESENT)).isGreaterThanOrEqualTo(2);

            Instant ended = now();
            outbox.commit("{}", List.of(Alerts.one("resolve", "am", Alerts.resolved("web", t, ended), now())));
            await(() -> outbox.stats().receivers().get("am").outcome(ReceiverStats.DELIVERED) == 2, Duration.ofSeconds(5));
            Thread.sleep(1500);     // past endsAt + 1 s: the resolved alert is no longer re-sent
            int settled = r.requests().size();
            assertThat(r.requests().getLast().text()).contains("\"endsAt\":\"" + ended + "\"");
            Thread.sleep(1200);
            assertThat(r.requests()).hasSize(settled);
        }
    }

    @Test
    void rowsOfAReceiverNoLongerConfiguredAreShownThenGivenUpAfterTheirMaximumAge() throws Exception {
        try (Delivering d = new Delivering(tmp)) {
            Instant t = now();
            d.store.commit("{}", List.of(Alerts.one("old", "gone", Alerts.firing("web", t), t.minus(Duration.ofHours(25))),
                    Alerts.one("new", "gone", Alerts.firing("api", t), t))).join();
            Outbox outbox = d.outbox(Map.of(), FAST);
            outbox.start();
            await(() -> outbox.stats().receivers().containsKey("gone") && outbox.stats().receivers().get("gone").undeliverable() == 1,
                    Duration.ofSeconds(5));
            assertThat(outbox.stats().receivers().get("gone").pending()).isEqualTo(1);
            assertThat(d.store.outbox(OutboxState.UNDELIVERABLE, 10).join()).singleElement()
                    .satisfies(e -> assertThat(e.lastError()).contains("receiver gone is no longer configured"));
        }
    }

    @Test
    void slackGetsAtMostOneMessageASecond() throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            Notifier slack = d.notifier(new SlackKind(), "chat", Map.of("url", r.url("/services/T/B/X")));
            Outbox outbox = d.outbox(Map.of("chat", slack), FAST);
            outbox.start();
            Instant t = now();
            outbox.commit("{}", IntStream.range(0, 4).mapToObj(i -> Alerts.one("s" + i, "chat",
                    Alerts.firing("svc" + i, t), t.plusMillis(i))).toList());
            await(() -> outbox.stats().receivers().get("chat").outcome(ReceiverStats.DELIVERED) == 4, Duration.ofSeconds(10));
            List<Receiver.Request> got = r.requests();
            for (int i = 1; i < got.size(); i++) {
                assertThat(Duration.ofNanos(got.get(i).nanos() - got.get(i - 1).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
            }
        }
    }
}
