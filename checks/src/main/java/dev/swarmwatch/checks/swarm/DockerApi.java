package dev.swarmwatch.checks.swarm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.Context;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Docker Engine API as the Swarm checks use it: unversioned GETs (so engines from 20.10 to the
 * newest all answer with their own API), each counted, each with a total deadline of the engine
 * timeout covering connect, request and the whole body, whatever the engine does (silence, a stall
 * after the headers, a slow drip, a huge body). A call past its deadline fails with a
 * {@link DockerApiException.Timeout} and its connection is closed, which frees the pool thread at
 * once; every call has a connection of its own, so the next cycle starts on fresh ones. Bodies are
 * parsed as they arrive and capped (see {@link Bounded}).
 *
 * <p>HTTP/1.1 is spoken directly over the JDK's {@code SocketChannel} (unix socket or TCP, TLS by
 * an {@code SSLEngine} on the same channel, so the handshake is inside the deadline too): its
 * close wakes a thread blocked in connect or read, which a per-read socket timeout cannot promise
 * for a whole call. The socket I/O runs on a named pool of {@value #IO_THREADS} platform threads:
 * one per endpoint of a snapshot, and one for the /_ping a slow /info brings (queued behind four
 * stuck calls, it could not tell a stuck Raft store from a stuck engine in time). Platform, not
 * virtual: once a virtual thread parks on socket I/O the JDK keeps a poller thread in epoll_wait,
 * and HotSpot's exit waits up to 300 ms for threads in native code, 40% of a one-shot report.
 * Callers on virtual threads merely wait for the pool.
 */
public final class DockerApi implements AutoCloseable {
    static final int IO_THREADS = 5;

    private final URI host;
    private final Duration timeout;
    private final EngineTlsSetup tls;
    private final JsonFactory json;
    private final ExecutorService io;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Set<EngineCall<?>> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong calls = new AtomicLong();

    public DockerApi(URI host, Duration timeout) {
        this(host, timeout, Optional.empty());
    }

    /** @param tls TLS to a tcp:// engine, as {@code DOCKER_TLS_VERIFY} or {@code engine.tls} give it */
    public DockerApi(URI host, Duration timeout, Optional<EngineTls> tls) {
        if (tls.isPresent() && !"tcp".equals(host.getScheme())) {
            throw new IllegalArgumentException("TLS needs a tcp:// engine, got " + host);
        }
        this.host = host;
        this.timeout = timeout;
        this.tls = tls.map(EngineTlsSetup::new).orElse(null);
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Bounded.MAX_TOKEN_CHARS)
                        .maxNameLength(Bounded.MAX_TOKEN_CHARS)
                        .maxNestingDepth(100)
                        .build())
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
        this.io = Executors.newFixedThreadPool(IO_THREADS, Thread.ofPlatform().name("docker-api-", 0).daemon().factory());
        this.deadlines = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("docker-api-deadline").daemon().factory());
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    public URI host() {
        return host;
    }

    public Duration timeout() {
        return timeout;
    }

    /** API calls made so far; a cycle's count is the difference across it. */
    public long calls() {
        return calls.get();
    }

    /** Starts a GET whose 2xx JSON body {@code reader} turns into a value; {@link #await} it. */
    <T> CompletableFuture<T> getAsync(String path, EngineCall.BodyReader<T> reader) {
        return start(path, timeout, reader);
    }

    /**
     * Starts a GET /_ping with its own deadline: true when the engine answers 200 in time. It
     * never touches the swarm's control plane, so it tells a stuck Raft store from a stuck engine.
     */
    CompletableFuture<Boolean> pingAsync(Duration deadline) {
        return start("/_ping", deadline, body -> {
            // The body is "OK", not JSON: reaching it is the answer.
            return Boolean.TRUE;
        }).exceptionally(e -> Boolean.FALSE);
    }

    private <T> CompletableFuture<T> start(String path, Duration deadline, EngineCall.BodyReader<T> reader) {
        calls.incrementAndGet();
        EngineCall<T> call = new EngineCall<>(host, path, deadline, json, reader, tls);
        open.add(call);
        ScheduledFuture<?> timer = deadlines.schedule(call::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
        call.result.whenComplete((value, error) -> {
            timer.cancel(false);
            open.remove(call);
        });
        io.execute(call);
        return call.result;
    }

    /** Waits for a call; rethrows its {@link DockerApiException} as it was thrown. */
    public <T> T await(CompletableFuture<T> call, String path) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("blocking Docker call " + path + " on the event loop");
        }
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for GET " + path, e);
        }
    }

    /** Abandons every call still open, closing its connection, and stops the pool. */
    @Override
    public void close() {
        open.forEach(EngineCall::abandon);
        deadlines.shutdownNow();
        io.shutdownNow();
    }
}
