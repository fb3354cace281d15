package dev.swarmwatch.alerts.store;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.Notification;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The durable alert store: one SQLite file ({@code alerts.db}, WAL mode) under the state directory
 * holding the evaluator's state, the outbox, the notification log, silences and check memory.
 *
 * <p>Every call runs on one platform thread named {@code alert-store} (JDBC blocks, and sqlite-jdbc
 * synchronizes, which would pin virtual threads) and answers with a future: callers on the event
 * loop never block. A failing disk or a damaged file never throws out of {@link #open}: the store
 * turns {@link #health() degraded}, each call fails with a {@link StoreException}, and the next
 * call tries again, so a disk that gets space back heals without a restart.
 */
public final class AlertStore implements AutoCloseable {
    /** Settled outbox rows and log lines are kept this long for {@code swarmwatch alerts} and operators. */
    public static final Duration RETENTION = Duration.ofDays(7);
    public static final String FILE = "alerts.db";

    private static final System.Logger LOG = System.getLogger("dev.swarmwatch.alerts.store");

    private final Path dir;
    private final Path db;
    private final Clock clock;
    private final ExecutorService thread;
    private Connection connection;          // only touched on the store thread
    private volatile StoreHealth health = StoreHealth.OK;

    private AlertStore(Path dir, Clock clock) {
        this.dir = dir;
        this.db = dir.resolve(FILE);
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "alert-store");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (creating with mode 0700 when missing) the store under {@code stateDir}; waits for the opening. */
    public static AlertStore open(Path stateDir, Clock clock) {
        AlertStore store = new AlertStore(stateDir.toAbsolutePath(), clock);
        store.run(c -> null).exceptionally(e -> null).join();
        return store;
    }

    public static AlertStore open(Path stateDir) {
        return open(stateDir, Clock.systemUTC());
    }

    public StoreHealth health() {
        return health;
    }

    public Path file() {
        return db;
    }

    /** The evaluator's new state and the notifications of its transitions, in one transaction, before any send. */
    public CompletableFuture<Void> commit(String stateJson, List<Notification> notifications) {
        List<Notification> copy = List.copyOf(notifications);
        return run(c -> {
            StoreSql.commit(c, stateJson, copy, clock.instant());
            return null;
        });
    }

    /** The state of the last commit; empty on a new store. */
    public CompletableFuture<Optional<String>> loadState() {
        return run(StoreSql::state);
    }

    /** The oldest pending notification of a receiver, due or not. */
    public CompletableFuture<Optional<OutboxEntry>> oldestPending(String receiver) {
        return run(c -> StoreSql.oldestPending(c, receiver));
    }

    /** Rows in one state, newest first, at most {@code limit}. */
    public CompletableFuture<List<OutboxEntry>> outbox(OutboxState state, int limit) {
        return run(c -> StoreSql.entries(c, "WHERE state = ? ORDER BY created DESC, id LIMIT ?", state.column(), limit));
    }

    public CompletableFuture<Boolean> markDelivered(String receiver, String id, int attempts) {
        return settle(receiver, id, OutboxState.DELIVERED, attempts, Optional.empty(), "delivered");
    }

    /** A failed attempt: pending, not before {@code next}. */
    public CompletableFuture<Boolean> markRetry(String receiver, String id, int attempts, Instant next, String error) {
        return run(c -> StoreSql.settle(c, receiver, id, OutboxState.PENDING, attempts, next, Optional.of(error), clock.instant(), "retry"));
    }

    /** Given up (rejected, or past the maximum age): kept, listed and counted, never sent again. */
    public CompletableFuture<Boolean> markUndeliverable(String receiver, String id, int attempts, String reason) {
        return settle(receiver, id, OutboxState.UNDELIVERABLE, attempts, Optional.of(reason), "undeliverable");
    }

    private CompletableFuture<Boolean> settle(String receiver, String id, OutboxState to, int attempts,
                                              Optional<String> error, String event) {
        return run(c -> {
            Instant now = clock.instant();
            return StoreSql.settle(c, receiver, id, to, attempts, now, error, now, event);
        });
    }

    /** Gives up on a receiver's pending rows committed before {@code before} (a receiver no longer configured). */
    public CompletableFuture<Integer> abandon(String receiver, Instant before, String reason) {
        return run(c -> StoreSql.abandon(c, receiver, before, reason, clock.instant()));
    }

    /** Pending and undeliverable counts per receiver that has any rows. */
    public CompletableFuture<Map<String, ReceiverSummary>> summary() {
        return run(StoreSql::summary);
    }

    /** Drops settled rows, log lines and silences older than {@link #RETENTION}. */
    public CompletableFuture<Void> prune() {
        return run(c -> {
            Instant before = clock.instant().minus(RETENTION);
            StoreSql.prune(c, before);
            SideSql.pruneSilences(c, before);
            return null;
        });
    }

    public CompletableFuture<Void> putSilence(StoredSilence silence) {
        return run(c -> {
            SideSql.putSilence(c, silence);
            return null;
        });
    }

    /** Every silence kept, active, future and recently ended, oldest first. */
    public CompletableFuture<List<StoredSilence>> silences() {
        return run(SideSql::silences);
    }

    public CompletableFuture<Boolean> expireSilence(String id) {
        return run(c -> SideSql.expireSilence(c, id, clock.instant()));
    }

    /** What a check remembered between runs (Patroni's leader, say), by key. */
    public CompletableFuture<Optional<String>> memory(String key) {
        return run(c -> SideSql.memory(c, key));
    }

    public CompletableFuture<Void> putMemory(String key, String json) {
        return run(c -> {
            SideSql.putMemory(c, key, json, clock.instant());
            return null;
        });
    }

    /** Alerts a receiver took, to be re-sent: firing ones until resolved, resolved ones for {@code resolvedFor}. */
    public CompletableFuture<Void> remember(String receiver, List<Alert> alerts, Duration resolvedFor) {
        List<Alert> copy = List.copyOf(alerts);
        return run(c -> {
            SideSql.remember(c, receiver, copy, resolvedFor);
            return null;
        });
    }

    public CompletableFuture<List<Alert>> resendable(String receiver) {
        return run(c -> SideSql.resendable(c, receiver, clock.instant()));
    }

    @Override
    public void close() {
        thread.execute(this::disconnect);
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> CompletableFuture<T> run(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Connection c = connection();
                try {
                    T result = work.on(c);
                    c.commit();
                    healthy();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw fail(StoreException.of(e, db));
            }
        }, thread);
    }

    private Connection connection() throws SQLException {
        if (connection != null) {
            return connection;
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (AccessDeniedException e) {
            throw fail(new StoreException(StoreException.Problem.READ_ONLY, "read-only: cannot create " + dir, e));
        } catch (FileSystemException e) {
            throw fail(new StoreException(StoreException.Problem.UNAVAILABLE, "cannot open: cannot create " + dir
                    + " (" + e.getReason() + ")", e));
        } catch (IOException e) {
            throw fail(new StoreException(StoreException.Problem.UNAVAILABLE, "cannot open: cannot create " + dir, e));
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        try {
            StoreSql.configure(c);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the error that matters is the one being thrown
            }
            throw e;
        }
        connection = c;
        return c;
    }

    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // SQLite rolls back by itself on SQLITE_FULL and friends, and the driver then has no
            // transaction to roll back and none begun: start one afresh. The connection stays open,
            // as reopening needs the -wal and -shm files, which a full disk may refuse.
            try {
                c.setAutoCommit(true);
                c.setAutoCommit(false);
            } catch (SQLException again) {
                disconnect();
            }
        }
    }

    private StoreException fail(StoreException e) {
        if (e.problem() == StoreException.Problem.CORRUPT) {
            disconnect();
        }
        if (!e.getMessage().equals(health.reason())) {
            LOG.log(System.Logger.Level.ERROR, "alert_store=degraded problem={0} reason=\"{1}\"", e.problem().name(), e.getMessage());
        }
        health = StoreHealth.degraded(e);
        return e;
    }

    private void healthy() {
        if (!health.ok()) {
            LOG.log(System.Logger.Level.INFO, "alert_store=ok file={0}", db);
            health = StoreHealth.OK;
        }
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing more to learn
            }
            connection = null;
        }
    }
}
