package dev.swarmwatch.agent.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The daemon's HTTP API as the alerts and silence commands use it: blocking, with the bearer token
 * when one is given, a short timeout, and every failure an exception whose message is for the user.
 */
final class DaemonClient {
    /** The daemon could not be reached (exit 3). */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** The daemon answered, with an error (exit 1). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    DaemonClient(String url, Path tokenFile) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url: not a URL: " + trimmed);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url: expected http://host:port, got " + trimmed);
        }
        this.base = uri;
        this.token = tokenFile == null ? Optional.empty() : Optional.of(RunCommand.readToken(tokenFile));
    }

    Object get(String path) throws Unreachable, Refused, InterruptedException {
        return send(request(path).GET());
    }

    Object post(String path, String json) throws Unreachable, Refused, InterruptedException {
        return send(request(path).header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Object delete(String path) throws Unreachable, Refused, InterruptedException {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("accept", "application/json");
        token.ifPresent(t -> b.header("authorization", "Bearer " + t));
        return b;
    }

    private Object send(HttpRequest.Builder request) throws Unreachable, Refused, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("cannot reach the daemon at " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        Object body;
        try {
            body = response.body().isEmpty() ? null : Json.decodeValue(response.body());
        } catch (DecodeException e) {
            body = null;
        }
        if (response.statusCode() == 401) {
            throw new Refused("the daemon at " + base + " wants a bearer token: give --bearer-token-file");
        }
        if (response.statusCode() / 100 != 2) {
            String why = body instanceof io.vertx.core.json.JsonObject o && o.getValue("error") instanceof String s ? s
                    : "HTTP " + response.statusCode();
            throw new Refused(why);
        }
        if (body == null) {
            throw new Refused("the daemon at " + base + " answered " + response.statusCode() + " without JSON");
        }
        return body;
    }
}
