package dev.swarmwatch.checks.swarm;

import java.io.IOException;

/** TLS with the engine failed; the message is in an operator's words and names no secret. */
final class EngineTlsException extends IOException {
    EngineTlsException(String message) {
        super(message);
    }
}
