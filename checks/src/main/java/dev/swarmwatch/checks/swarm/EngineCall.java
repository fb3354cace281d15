package dev.swarmwatch.checks.swarm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One GET with a total deadline: connect, request and the whole body. At the deadline the result
 * fails with a {@link DockerApiException.Timeout} and the connection is closed, which wakes the
 * pool thread still blocked on it; whatever that thread then sees is ignored.
 */
final class EngineCall<T> implements Runnable {
    /** What Go's TLS server answers a plain HTTP request with. */
    private static final String PLAIN_TO_TLS = "Client sent an HTTP request to an HTTPS server";
    /** Reads a 2xx body. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(JsonParser body) throws IOException;
    }

    private final URI host;
    private final String path;
    private final Duration deadline;
    private final JsonFactory json;
    private final BodyReader<T> reader;
    private final EngineTlsSetup tls;
    final CompletableFuture<T> result = new CompletableFuture<>();
    private EngineConnection connection;
    private boolean expired;

    /** @param tls TLS for a tcp:// host; null for none */
    EngineCall(URI host, String path, Duration deadline, JsonFactory json, BodyReader<T> reader, EngineTlsSetup tls) {
        this.tls = tls;
        this.host = host;
        this.path = path;
        this.deadline = deadline;
        this.json = json;
        this.reader = reader;
    }

    /** Called by the deadline timer. */
    void expire() {
        EngineConnection c;
        synchronized (this) {
            expired = true;
            c = connection;
        }
        EngineConnection.Phase phase = c == null ? EngineConnection.Phase.CONNECTING : c.phase();
        String progress = switch (phase) {
            case CONNECTING -> c == null ? "still waiting to be sent" : "no connection";
            case HANDSHAKE -> "connected, TLS handshake not finished";
            case WAITING -> "connected, nothing received";
            case BODY -> "status " + c.status() + ", then " + c.bodyBytes() + " body bytes";
        };
        result.completeExceptionally(new DockerApiException.Timeout(path, deadline, progress,
                phase == EngineConnection.Phase.BODY));
        closeQuietly(c);
    }

    /** Also called by {@code DockerApi.close()}: abandons the call. */
    void abandon() {
        expire();
    }

    @Override
    public void run() {
        EngineConnection c = null;
        try {
            c = EngineConnection.forHost(host, tls);
            synchronized (this) {
                if (expired) {
                    return;
                }
                connection = c;
            }
            EngineConnection.Response response = c.get(host, path);
            if (response.status() / 100 != 2) {
                String message = errorMessage(response.body());
                if (response.status() == 400 && message.contains(PLAIN_TO_TLS)) {
                    throw new DockerApiException.Unreachable(path, host, "the engine speaks TLS on this port: connect with"
                            + " TLS (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or engine.tls) or use its plain port");
                }
                throw new DockerApiException.ErrorAnswer(path, response.status(), message);
            }
            if (response.length() > Bounded.MAX_BODY_BYTES) {
                throw new AnswerException.TooLarge("the answer announces " + response.length() + " bytes, more than the "
                        + Bounded.size(Bounded.MAX_BODY_BYTES) + " swarmwatch reads");
            }
            try (JsonParser parser = json.createParser(new HttpBody.Capped(response.body(), Bounded.MAX_BODY_BYTES))) {
                result.complete(reader.read(parser));
            }
        } catch (DockerApiException e) {
            result.completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            // After the deadline, the failure seen is the closed channel: the Timeout is already set.
            result.completeExceptionally(classify(e, c));
        } finally {
            closeQuietly(c);
        }
    }

    private DockerApiException classify(Exception e, EngineConnection c) {
        if (e instanceof EngineTlsException) {
            // Whenever it happens (a TLS 1.3 engine refuses a client certificate after the handshake),
            // the engine was not reached securely: nothing it said counts.
            return new DockerApiException.Unreachable(path, host, e.getMessage());
        }
        if (e instanceof AnswerException) {
            return new DockerApiException.BadAnswer(path, e.getMessage());
        }
        if (e instanceof StreamConstraintsException) {
            return new DockerApiException.BadAnswer(path, "the answer has a string or nesting beyond what swarmwatch reads"
                    + " (strings up to " + Bounded.MAX_TOKEN_CHARS / (1024 * 1024) + " M characters)");
        }
        if (e instanceof JsonProcessingException j) {
            return new DockerApiException.BadAnswer(path, "not the JSON the Engine API documents: "
                    + Bounded.text(j.getOriginalMessage().lines().findFirst().orElse(""), 200));
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (c != null && c.phase() == EngineConnection.Phase.HANDSHAKE) {
            return new DockerApiException.Unreachable(path, host, "TLS handshake failed: " + reason);
        }
        if (c == null || c.phase() == EngineConnection.Phase.CONNECTING) {
            return new DockerApiException.Unreachable(path, host, reason);
        }
        return new DockerApiException.BadAnswer(path, "the connection failed in the middle of the answer: " + reason);
    }

    private static String errorMessage(InputStream body) throws IOException {
        String text = new String(body.readNBytes(Bounded.MAX_ERROR_BYTES), StandardCharsets.UTF_8);
        try {
            JsonNode node = new ObjectMapper().readTree(text);
            if (node != null && node.hasNonNull("message")) {
                return Bounded.text(node.get("message").asText());
            }
        } catch (IOException notJson) {
            // The engine answers errors as {"message": ...}; anything else is shown as it came.
        }
        return Bounded.text(text.strip());
    }

    private static void closeQuietly(EngineConnection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }
}
