package dev.swarmwatch.alerts.outbox;

import dev.swarmwatch.alerts.notify.Delivery;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.alerts.store.OutboxEntry;
import dev.swarmwatch.checks.spi.SafeText;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers one receiver's outbox, oldest first, one request at a time, on the event loop: timers
 * for backoff and rate, futures for the store. Strict order per receiver keeps a group's resolved
 * notice behind its firing one. Everything but the counters is touched only on {@code context}.
 */
final class ReceiverWorker {
    private static final System.Logger LOG = System.getLogger("dev.swarmwatch.alerts.outbox");

    private static final long RATE_MARGIN_NANOS = 50_000_000L;

    enum Phase { IDLE, WAITING, BUSY }

    private final String receiver;
    private final Notifier notifier;
    private final AlertStore store;
    private final OutboxPolicy policy;
    private final Backoff backoff;
    private final Clock clock;
    private final Context context;
    private final Runnable changed;
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

    private Phase phase = Phase.IDLE;
    private Instant waitingUntil = Instant.MIN;
    private long timer = -1;
    private boolean stopped;
    private boolean again;
    private Instant lastSend = Instant.MIN;
    private Instant deadline = Instant.MAX;

    ReceiverWorker(String receiver, Notifier notifier, AlertStore store, OutboxPolicy policy, Backoff backoff,
                   Clock clock, Context context, Runnable changed) {
        this.receiver = receiver;
        this.notifier = notifier;
        this.store = store;
        this.policy = policy;
        this.backoff = backoff;
        this.clock = clock;
        this.context = context;
        this.changed = changed;
    }

    String receiver() {
        return receiver;
    }

    Notifier notifier() {
        return notifier;
    }

    Map<String, Long> outcomes() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        outcomes.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Nothing it could still send before {@code by}: no pending row, or the next attempt is later. */
    boolean settledBefore(Instant by) {
        return phase == Phase.IDLE || (phase == Phase.WAITING && waitingUntil.isAfter(by));
    }

    /** No attempt starts after {@code by} (a one-shot run's deadline); an attempt's timeout is cut to it. */
    void deadline(Instant by) {
        deadline = by;
    }

    void stop() {
        stopped = true;
        cancelTimer();
    }

    /** Look at the store now (a commit, a poll); coalesced while an attempt is under way. */
    void wake() {
        if (stopped) {
            return;
        }
        if (phase == Phase.BUSY) {
            again = true;
            return;
        }
        cancelTimer();
        phase = Phase.BUSY;
        again = false;
        onLoop(store.oldestPending(receiver)).onComplete(ar -> {
            if (ar.failed()) {
                // The store is degraded (its health says why); look again at the next poll.
                rest(clock.instant().plus(policy.poll()));
                return;
            }
            Optional<OutboxEntry> head = ar.result();
            if (head.isEmpty()) {
                rest(null);
                return;
            }
            consider(head.get());
        });
    }

    private void consider(OutboxEntry entry) {
        Instant now = clock.instant();
        Instant expires = entry.created().plus(policy.maxAge());
        if (!now.isBefore(expires)) {
            String reason = "not delivered within " + dev.swarmwatch.checks.spi.Durations.format(policy.maxAge())
                    + " after " + entry.attempts() + " attempt(s); last: " + entry.lastError().orElse("none");
            giveUp(entry, entry.attempts(), ReceiverStats.UNDELIVERABLE, reason);
            return;
        }
        Instant due = entry.nextAttempt();
        double rate = notifier.ratePerSecond();
        if (rate > 0 && lastSend != Instant.MIN) {
            // A margin so that network jitter cannot make two requests arrive closer than the rate allows.
            Instant allowed = lastSend.plusNanos((long) (1_000_000_000L / rate) + RATE_MARGIN_NANOS);
            if (allowed.isAfter(due)) {
                due = allowed;
            }
        }
        if (due.isAfter(now) || !now.isBefore(deadline)) {
            rest(due.isAfter(now) ? due : null);
            return;
        }
        attempt(entry, now);
    }

    private void attempt(OutboxEntry entry, Instant now) {
        lastSend = now;
        int attempts = entry.attempts() + 1;
        Notification n = entry.notification();
        send(n, now).onComplete(ar -> {
            // The rate counts from the answer: the request surely arrived before it, however slow it was to leave.
            lastSend = clock.instant();
            Delivery d = ar.succeeded() ? ar.result()
                    : bug(n, ar.cause());
            switch (d) {
                case Delivery.Delivered ok -> settle(onLoop(store.markDelivered(receiver, n.id(), attempts))
                        .compose(x -> remember(n)), ReceiverStats.DELIVERED,
                        "receiver={0} notification={1} outcome=delivered status={2} attempts={3}", n.id(), ok.status(), attempts);
                case Delivery.Retry retry -> {
                    Instant next = backoff.next(attempts, retry.retryAfter(), clock.instant());
                    Instant expires = entry.created().plus(policy.maxAge());
                    Instant at = next.isAfter(expires) ? expires : next;
                    settle(onLoop(store.markRetry(receiver, n.id(), attempts, at, retry.reason())).mapEmpty(),
                            ReceiverStats.RETRY, "receiver={0} notification={1} outcome=retry reason=\"{2}\" attempts={3} next_in_ms={4}",
                            n.id(), retry.reason(), attempts, Duration.between(clock.instant(), at).toMillis());
                }
                case Delivery.Rejected no -> giveUp(entry, attempts, ReceiverStats.REJECTED,
                        "rejected, not retried: " + no.reason());
            }
        });
    }

    // A notifier's future fails only for a bug: retried like a failed send. The log and the row name
    // the exception's class, not its message, which might quote the receiver's URL.
    private Delivery bug(Notification n, Throwable cause) {
        LOG.log(System.Logger.Level.ERROR, "receiver={0} notification={1} outcome=notifier_error error={2}",
                receiver, n.id(), cause.getClass().getName());
        return new Delivery.Retry(Optional.empty(), "notifier error (" + SafeText.line(cause.getClass().getSimpleName(), 80) + ")");
    }

    private Future<Delivery> send(Notification n, Instant now) {
        Duration timeout = policy.attemptTimeout();
        if (deadline.isBefore(now.plus(timeout))) {
            timeout = Duration.between(now, deadline);
        }
        long ms = Math.max(1, timeout.toMillis());
        String words = dev.swarmwatch.checks.spi.Durations.format(policy.attemptTimeout());
        Promise<Delivery> result = Promise.promise();
        long t = context.owner().setTimer(ms, id -> result.tryComplete(
                new Delivery.Retry(Optional.empty(), "no answer within " + words)));
        Future<Delivery> sent;
        try {
            sent = notifier.send(n);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // A notifier's bug must not wedge the receiver's worker: the row stays pending and is retried.
            sent = Future.failedFuture(e);
        }
        sent.onComplete(ar -> {
            context.owner().cancelTimer(t);
            if (ar.succeeded()) {
                result.tryComplete(ar.result());
            } else {
                result.tryFail(ar.cause());
            }
        });
        return result.future();
    }

    private Future<Void> remember(Notification n) {
        Optional<Notifier.Resend> resend = notifier.resend();
        if (resend.isEmpty()) {
            return Future.succeededFuture();
        }
        return onLoop(store.remember(receiver, n.alerts(), resend.get().resolvedFor()));
    }

    private void giveUp(OutboxEntry entry, int attempts, String outcome, String reason) {
        settle(onLoop(store.markUndeliverable(receiver, entry.id(), attempts, reason)).mapEmpty(), outcome,
                "receiver={0} notification={1} outcome=" + outcome + " reason=\"{2}\" attempts={3}",
                entry.id(), reason, attempts);
    }

    private void settle(Future<?> stored, String outcome, String logLine, String id, Object... detail) {
        stored.onComplete(ar -> {
            count(outcome);
            Object[] args = new Object[2 + detail.length];
            args[0] = receiver;
            args[1] = id;
            for (int i = 0; i < detail.length; i++) {
                args[2 + i] = String.valueOf(detail[i]);    // no locale grouping in numbers of a log line
            }
            LOG.log(outcome.equals(ReceiverStats.DELIVERED) ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    logLine, args);
            // Whatever the store said, look again: a failed mark leaves the row pending, never lost.
            phase = Phase.IDLE;
            again = false;
            changed.run();
            wake();
        });
    }

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    /** A re-send of what the receiver holds (Alertmanager); runs between outbox sends, never beside one. */
    Future<Void> resendNow(java.util.function.Function<java.util.List<dev.swarmwatch.alerts.notify.Alert>, Optional<Notification>> build) {
        if (stopped || phase == Phase.BUSY || notifier.resend().isEmpty()) {
            return Future.succeededFuture();
        }
        cancelTimer();
        phase = Phase.BUSY;
        return onLoop(store.resendable(receiver)).compose(alerts -> {
            Optional<Notification> n = build.apply(alerts);
            if (n.isEmpty()) {
                return Future.succeededFuture();
            }
            lastSend = clock.instant();
            return send(n.get(), lastSend).map(d -> {
                count(d instanceof Delivery.Delivered ? ReceiverStats.RESENT : ReceiverStats.RESEND_FAILED);
                return null;
            });
        }).<Void>mapEmpty().onComplete(ar -> {
            if (ar.failed()) {
                count(ReceiverStats.RESEND_FAILED);
            }
            phase = Phase.IDLE;
            again = false;
            wake();
        });
    }

    private void rest(Instant until) {
        phase = until == null ? Phase.IDLE : Phase.WAITING;
        waitingUntil = until == null ? Instant.MIN : until;
        changed.run();
        if (stopped) {
            return;
        }
        if (again) {
            again = false;
            context.runOnContext(v -> wake());
            return;
        }
        if (until != null) {
            long ms = Math.max(1, (Duration.between(clock.instant(), until).toNanos() + 999_999) / 1_000_000);
            timer = context.owner().setTimer(ms, id -> {
                timer = -1;
                wake();
            });
        }
    }

    private void cancelTimer() {
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
    }

    private <T> Future<T> onLoop(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context);
    }
}
