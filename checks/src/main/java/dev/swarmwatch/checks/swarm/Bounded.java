package dev.swarmwatch.checks.swarm;

/**
 * What swarmwatch reads from the engine at most. Answers are parsed as they stream in and never held
 * whole, so a body may be large; what is kept of it is small.
 */
final class Bounded {
    /** A body larger than this is not read on: 256 MB is ~100,000 tasks of a real engine (~2.5 KB each). */
    static final long MAX_BODY_BYTES = 256L * 1024 * 1024;
    /** Entries of one list answer (tasks, services, nodes). */
    static final int MAX_ENTRIES = 100_000;
    /** A name, error or label kept in the snapshot is cut to this many characters. */
    static final int MAX_TEXT = 1024;
    /** Labels kept per service or node; the swarmwatch.* and stack labels always are. */
    static final int MAX_LABELS = 100;
    /** A single JSON string the parser materialises (a needed field); longer fails the read. */
    static final int MAX_TOKEN_CHARS = 2 * 1024 * 1024;
    /** Characters kept from one answer, all strings together. */
    static final long MAX_KEPT_CHARS = 32L * 1024 * 1024;
    /** An error answer's body is read up to this many bytes for its message. */
    static final int MAX_ERROR_BYTES = 4096;

    private Bounded() {
    }

    /** {@code text} cut to {@code max} characters with an ellipsis, never splitting a surrogate pair. */
    static String text(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Math.max(0, max - 1);
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "\u2026";
    }

    static String text(String text) {
        return text(text, MAX_TEXT);
    }

    static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB"
                : bytes + " bytes";
    }
}
