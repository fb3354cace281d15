package dev.swarmwatch.checks.swarm;

import java.io.IOException;

/**
 * The engine answered, but not usably: cut off, too large, or not HTTP/JSON. An {@link IOException}
 * so it passes unchanged through the JSON parser reading the body.
 */
abstract sealed class AnswerException extends IOException {
    AnswerException(String message) {
        super(message);
    }

    /** The connection ended before the answer did. */
    static final class CutOff extends AnswerException {
        CutOff(String message) {
            super(message);
        }
    }

    /** More than swarmwatch reads: the body, the headers, a list or a string is over its cap. */
    static final class TooLarge extends AnswerException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Not an HTTP answer, or not the JSON the API documents. */
    static final class Malformed extends AnswerException {
        Malformed(String message) {
            super(message);
        }
    }
}
