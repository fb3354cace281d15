package dev.swarmwatch.checks.spi;

/**
 * Makes text from the engine or a probed server (service, node and label names, task errors, HTTP
 * bodies) safe to show on a terminal or in a log line: escape sequences (CSI, OSC, DCS and the
 * other ESC forms) are removed whole, other C0 and C1 controls, DEL and lone surrogates become
 * {@code ?}. JSON output does not need it: JSON escapes controls itself.
 */
public final class SafeText {
    private static final char ESC = 0x1b;
    private static final char CSI_8BIT = 0x9b;
    private static final char OSC_8BIT = 0x9d;

    private SafeText() {
    }

    /** One line: newlines and tabs become spaces too. */
    public static String line(String text) {
        return clean(text, false);
    }

    /** Keeps newlines (as {@code \n}) and tabs; every other control is handled as in {@link #line}. */
    public static String lines(String text) {
        return clean(text, true);
    }

    /** {@link #line}, then cut to at most {@code max} characters with an ellipsis. */
    public static String line(String text, int max) {
        String safe = line(text);
        if (safe.length() <= max) {
            return safe;
        }
        int cut = Math.max(0, max - 1);
        if (cut > 0 && Character.isHighSurrogate(safe.charAt(cut - 1))) {
            cut--;
        }
        return safe.substring(0, cut) + "\u2026";
    }

    private static String clean(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        if (isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipEscape(text, i + 1);
                continue;
            }
            if (c == CSI_8BIT) {
                i = skipCsi(text, i + 1);
                continue;
            }
            if (c == OSC_8BIT || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
                i = skipString(text, i + 1);
                continue;
            }
            if (c == '\r') {
                // CR LF is a newline; a lone CR would let text overwrite what came before it.
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                    continue;
                }
                out.append(keepNewlines ? '\n' : ' ');
            } else if (c == '\n') {
                out.append(keepNewlines ? '\n' : ' ');
            } else if (c == '\t') {
                out.append(keepNewlines ? '\t' : ' ');
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append('?');
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(i + 1));
                    i++;
                } else {
                    out.append('?');
                }
            } else if (c == '\u2028' || c == '\u2029' || c == '\u202e' || c == '\u202d' || c == '\u2066'
                    || c == '\u2067' || c == '\u2068' || c == '\u2069' || c == '\u202a' || c == '\u202b') {
                // Line separators and bidirectional overrides reorder or break what a reader sees.
                out.append('?');
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || (c >= '\u2028' && c <= '\u2069')) {
                return false;
            }
        }
        return true;
    }

    // After ESC: CSI (ESC [), OSC/DCS/SOS/PM/APC strings (ESC ] P X ^ _), or a two-character sequence.
    private static int skipEscape(String text, int i) {
        if (i >= text.length()) {
            return i;
        }
        char c = text.charAt(i);
        return switch (c) {
            case '[' -> skipCsi(text, i + 1);
            case ']', 'P', 'X', '^', '_' -> skipString(text, i + 1);
            default -> {
                // Intermediate bytes (0x20-0x2f), then one final byte.
                int j = i;
                while (j < text.length() && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x2f) {
                    j++;
                }
                yield Math.min(text.length(), j + 1);
            }
        };
    }

    // Parameter and intermediate bytes, then a final byte in 0x40-0x7e.
    private static int skipCsi(String text, int i) {
        int j = i;
        while (j < text.length()) {
            char c = text.charAt(j++);
            if (c >= 0x40 && c <= 0x7e) {
                break;
            }
            if (c < 0x20 || c > 0x7e) {
                return j - 1;
            }
        }
        return j;
    }

    // Up to BEL, ST (ESC \) or the 8-bit ST (0x9c).
    private static int skipString(String text, int i) {
        int j = i;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == 0x07 || c == 0x9c) {
                return j + 1;
            }
            if (c == ESC && j + 1 < text.length() && text.charAt(j + 1) == '\\') {
                return j + 2;
            }
            j++;
        }
        return j;
    }
}
