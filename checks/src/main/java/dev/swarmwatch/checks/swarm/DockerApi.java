package dev.swarmwatch.checks.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.vertx.core.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Docker Engine API as the Swarm checks use it: unversioned GETs (so engines from 20.10 to the
 * newest all answer with their own API), each bounded by a timeout, each counted. Blocking: call
 * it from a virtual thread, never the event loop.
 *
 * <p>The socket I/O itself runs on a named pool of {@value #IO_THREADS} platform threads, one per
 * endpoint of a snapshot. Once a virtual thread parks on socket I/O the JDK keeps a poller thread
 * in epoll_wait, and HotSpot's exit waits up to 300 ms for threads in native code: 40% of a
 * one-shot report. Callers on virtual threads merely wait for the pool.
 */
public final class DockerApi implements AutoCloseable {
    private final URI host;
    private final Duration timeout;
    static final int IO_THREADS = 4;

    private final CompletableFuture<Client> client;
    private final ExecutorService io;
    private final AtomicLong calls = new AtomicLong();

    private record Client(DockerHttpClient http, ObjectMapper json) {
    }

    /**
     * Starts building the HTTP client (httpclient5 sets up a TLS context even for a socket) and
     * the JSON mapper on a virtual thread, so a one-shot report pays for them while Vert.x starts.
     */
    public DockerApi(URI host, Duration timeout) {
        this.host = host;
        this.timeout = timeout;
        this.client = CompletableFuture.supplyAsync(() -> new Client(
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(host)
                        .maxConnections(8)
                        .connectionTimeout(timeout)
                        .responseTimeout(timeout)
                        .build(),
                new ObjectMapper()), task -> Thread.ofVirtual().name("docker-client-init").start(task));
        this.io = Executors.newFixedThreadPool(IO_THREADS, Thread.ofPlatform().name("docker-api-", 0).daemon().factory());
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

    /** GET a path such as {@code /info}; the parsed JSON body of a 2xx answer, or a {@link DockerApiException}. */
    public JsonNode get(String path) {
        return await(getAsync(path), path);
    }

    /** Starts a GET on the I/O pool; {@link #await} it from a thread that may block. */
    public CompletableFuture<JsonNode> getAsync(String path) {
        return CompletableFuture.supplyAsync(() -> fetch(path), io);
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

    private JsonNode fetch(String path) {
        Client c = client.join();
        calls.incrementAndGet();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try (DockerHttpClient.Response response = c.http().execute(request);
             InputStream body = response.getBody()) {
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                throw new DockerApiException.ErrorAnswer(path, status, errorMessage(c.json(), body));
            }
            return c.json().readTree(body);
        } catch (DockerApiException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw classify(path, e);
        }
    }

    /** GET /_ping: true when the engine answers at all. It never touches the swarm's control plane. */
    public boolean ping() {
        return await(CompletableFuture.supplyAsync(this::fetchPing, io), "/_ping");
    }

    private boolean fetchPing() {
        Client c = client.join();
        calls.incrementAndGet();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
        try (DockerHttpClient.Response response = c.http().execute(request)) {
            return response.getStatusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private RuntimeException classify(String path, Exception e) {
        Throwable cause = e;
        // docker-java wraps IOExceptions in RuntimeException; look at the root.
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof RuntimeException || cause instanceof IOException)) {
            if (cause instanceof InterruptedIOException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof InterruptedIOException || hasTimeout(e)) {
            return new DockerApiException.Timeout(path, timeout);
        }
        return new DockerApiException.Unreachable(path, host, rootMessage(e));
    }

    private static boolean hasTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedIOException
                    || (t.getMessage() != null && t.getMessage().toLowerCase().contains("timed out"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static String errorMessage(ObjectMapper json, InputStream body) throws IOException {
        String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException notJson) {
            // The engine answers errors as {"message": ...}; anything else is shown as it came.
        }
        return text.strip();
    }

    @Override
    public void close() throws IOException {
        io.shutdownNow();
        client.join().http().close();
    }
}
