package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.Durations;

import java.net.URI;
import java.time.Duration;

/** Why a Docker API call gave no usable answer; the cases are told apart for quorum reasoning. */
public sealed class DockerApiException extends RuntimeException {

    DockerApiException(String message) {
        super(message);
    }

    /** The engine could not be reached at all (no socket, connection refused). */
    public static final class Unreachable extends DockerApiException {
        Unreachable(String path, URI host, String reason) {
            super("cannot reach the Docker engine at " + host + " (" + path + "): " + reason);
        }
    }

    /**
     * The call's deadline passed before the answer was complete; the connection was closed.
     * {@link #answerStarted()} tells an engine that said nothing from one that began to answer.
     */
    public static final class Timeout extends DockerApiException {
        private final String path;
        private final String progress;
        private final boolean answerStarted;

        Timeout(String path, Duration timeout, String progress, boolean answerStarted) {
            super("GET " + path + " got no complete answer within " + Durations.format(timeout) + " (" + progress + ")");
            this.path = path;
            this.progress = progress;
            this.answerStarted = answerStarted;
        }

        public String path() {
            return path;
        }

        /** How far the call got: "connected, nothing received", "status 200, then 12 body bytes". */
        public String progress() {
            return progress;
        }

        public boolean answerStarted() {
            return answerStarted;
        }
    }

    /** The engine answered, but not usably: cut off, over swarmwatch's caps, not HTTP or JSON. */
    public static final class BadAnswer extends DockerApiException {
        BadAnswer(String path, String reason) {
            super("GET " + path + ": " + reason);
        }
    }

    /** The engine answered with an error status; {@link #engineMessage()} is its own text. */
    public static final class ErrorAnswer extends DockerApiException {
        private final int status;
        private final String engineMessage;

        ErrorAnswer(String path, int status, String engineMessage) {
            super("GET " + path + " answered " + status + ": " + engineMessage);
            this.status = status;
            this.engineMessage = engineMessage;
        }

        public int status() {
            return status;
        }

        public String engineMessage() {
            return engineMessage;
        }
    }
}
