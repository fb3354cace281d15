package dev.swarmwatch.agent.config;

import java.util.Objects;

/**
 * One thing wrong with a config file, where it is and what it is.
 *
 * @param file    the file as the user named it
 * @param line    1-based line
 * @param column  1-based column
 * @param path    dotted key path ({@code checks.replicas.critical_below}), or {@code (document)}
 * @param message lower-case start, no trailing period, never a secret's content
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

    /** Path of problems that belong to no key: syntax errors, a root that is not a mapping. */
    public static final String DOCUMENT = "(document)";

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
        if (path.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("path and message must not be blank");
        }
    }

    /** The compiler-style form editors can jump to: {@code file:line:col path: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + path + ": " + message;
    }
}
