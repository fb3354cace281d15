package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.Durations;

import java.net.URI;
import java.time.Duration;

/** Why a Docker API call gave no usable answer; the three cases are told apart for quorum reasoning. */
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

    /** The engine took the call but did not answer in time. */
    public static final class Timeout extends DockerApiException {
        Timeout(String path, Duration timeout) {
            super("GET " + path + " got no answer within " + Durations.format(timeout));
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
