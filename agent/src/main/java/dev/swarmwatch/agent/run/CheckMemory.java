package dev.swarmwatch.agent.run;

import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Remembering;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What check kinds remember between cycles (Patroni's leader and timeline), kept in the alert
 * store between processes: {@link #load} before a cycle, {@link #save} after it. A one-shot front-end
 * run again by cron then sees what changed between two runs, as the daemon does. Without a usable
 * store the cycle still runs, only without memory, and {@link #missing()} says why.
 *
 * <p>Blocking: call it from the front-end's thread, never from the event loop.
 */
public final class CheckMemory implements AutoCloseable {
    /** How long a store call may take before the run goes on without memory. */
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<AlertStore> store;
    private final boolean owned;
    private final List<String> problems = new ArrayList<>();

    private CheckMemory(Optional<AlertStore> store, boolean owned, Optional<String> problem) {
        this.store = store;
        this.owned = owned;
        problem.ifPresent(problems::add);
    }

    /** Opens its own store under {@code stateDir} (created with mode 0700 when missing). */
    public static CheckMemory open(Path stateDir, Clock clock) {
        AlertStore store = AlertStore.open(stateDir, clock);
        if (!store.health().ok()) {
            String reason = store.health().reason();
            store.close();
            return new CheckMemory(Optional.empty(), false, Optional.of(reason));
        }
        return new CheckMemory(Optional.of(store), true, Optional.empty());
    }

    /** No store: for a run with nothing to remember (no declared target of a kind that remembers). */
    public static CheckMemory none() {
        return new CheckMemory(Optional.empty(), false, Optional.empty());
    }

    /** Whether a run needs memory: the config declares targets of a kind that remembers between cycles. */
    public static boolean needed(List<CheckKind> kinds, java.util.Map<String, ?> declaredTargets) {
        return kinds.stream().anyMatch(k -> k instanceof Remembering && declaredTargets.containsKey(k.name()));
    }

    /** Shares a store opened by someone else (the alert pipeline), who closes it. */
    public static CheckMemory in(AlertStore store) {
        Optional<String> problem = store.health().ok() ? Optional.empty() : Optional.of(store.health().reason());
        return new CheckMemory(problem.isEmpty() ? Optional.of(store) : Optional.empty(), false, problem);
    }

    /** The key a kind's memory is kept under. */
    static String key(CheckKind kind) {
        return "kind:" + kind.name();
    }

    /** Hands every remembering kind what an earlier run saved; a kind with nothing saved starts afresh. */
    public void load(List<CheckKind> kinds) {
        if (store.isEmpty()) {
            return;
        }
        for (CheckKind kind : kinds) {
            if (kind instanceof Remembering remembering) {
                Optional<Optional<String>> saved = call(store.get().memory(key(kind)), "read");
                if (saved.isEmpty()) {
                    return;
                }
                if (saved.get().isPresent() && !remembering.restoreMemory(saved.get().get())) {
                    problems.add(kind.name() + " memory could not be read and was dropped");
                }
            }
        }
    }

    /** Keeps what every remembering kind knows now, for the next run. */
    public void save(List<CheckKind> kinds) {
        if (store.isEmpty()) {
            return;
        }
        for (CheckKind kind : kinds) {
            if (kind instanceof Remembering remembering) {
                if (call(store.get().putMemory(key(kind), remembering.exportMemory()).thenApply(v -> true), "write").isEmpty()) {
                    return;
                }
            }
        }
    }

    private <T> Optional<T> call(CompletableFuture<T> future, String what) {
        try {
            return Optional.of(future.get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            problems.add("cannot " + what + " " + storeName() + ": " + CheckResult.describe(e.getCause()));
        } catch (TimeoutException e) {
            problems.add(storeName() + " did not answer within " + STORE_TIMEOUT.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        }
        return Optional.empty();
    }

    private String storeName() {
        return store.map(s -> s.file().toString()).orElse("the store");
    }

    /**
     * Why this run had (or keeps) no memory, or a remembered value was dropped; empty when all went
     * well. For a line on stderr, never on a report's stdout.
     */
    public Optional<String> missing() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    @Override
    public void close() {
        if (owned) {
            store.ifPresent(AlertStore::close);
        }
    }
}
