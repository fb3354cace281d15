package dev.swarmwatch.checks.spi;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failures in an operator's words: "connection refused", "connection timed out", "host not found:
 * db", "TLS handshake failed: certificate expired". The runner's mapping and every probe use it, so
 * a refused port reads the same whichever check met it. Class names go only to {@link #detail}.
 */
public final class FailureWords {
    /** How the class detail line starts, so a renderer can keep it for verbose output only. */
    public static final String DETAIL_PREFIX = "error: ";
    // "sun.security.validator.ValidatorException: " and the like, inside a message
    private static final Pattern CLASS_PREFIX = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    private FailureWords() {
    }

    /** The words for a common network failure found anywhere in the causes (or suppressed ones), if any. */
    public static Optional<String> network(Throwable error) {
        for (Throwable t : chain(error)) {
            Optional<String> words = words(t, error);
            if (words.isPresent()) {
                return words;
            }
        }
        return Optional.empty();
    }

    /** One line for a summary: the network words, else the message without class names, else "unexpected error". */
    public static String summary(Throwable error) {
        return network(error).orElseGet(() -> {
            for (Throwable t : chain(error)) {
                String m = t.getMessage();
                if (m != null && !m.isBlank()) {
                    return withoutClassNames(m.strip());
                }
            }
            return "unexpected error";
        });
    }

    /** The detail line with the classes and their messages, outermost first, for {@code -v} output. */
    public static String detail(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t : chain(error)) {
            String m = t.getMessage();
            parts.add(m == null || m.isBlank() ? t.getClass().getName() : t.getClass().getName() + ": " + m.strip());
        }
        return DETAIL_PREFIX + String.join(" <- ", parts);
    }

    private static Optional<String> words(Throwable t, Throwable whole) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (t instanceof SSLException) {
            return Optional.of("TLS handshake failed: " + tlsReason(whole));
        }
        if (t instanceof UnknownHostException) {
            int colon = message.indexOf(':');
            String host = (colon > 0 ? message.substring(0, colon) : message).strip();
            return Optional.of(host.isEmpty() ? "host not found" : "host not found: " + host);
        }
        if (t instanceof NoRouteToHostException || lower.contains("no route to host")) {
            return Optional.of("host unreachable");
        }
        if (lower.contains("network is unreachable")) {
            return Optional.of("network unreachable");
        }
        if (t instanceof ConnectException || t instanceof SocketTimeoutException && lower.startsWith("connect")) {
            // Netty's ConnectTimeoutException is a ConnectException: "connection timed out after 500 ms: ..."
            if (lower.contains("timed out") || t.getClass().getSimpleName().contains("Timeout")) {
                return Optional.of("connection timed out");
            }
            return Optional.of(lower.contains("refused") || lower.isEmpty() ? "connection refused" : "connection failed: " + lowerFirst(message));
        }
        if (t instanceof SocketTimeoutException) {
            return Optional.of("read timed out");
        }
        if (t instanceof SocketException && lower.contains("reset")) {
            return Optional.of("connection reset by the server");
        }
        if (t instanceof EOFException || t instanceof ClosedChannelException
                || t instanceof SocketException && (lower.contains("broken pipe") || lower.contains("closed"))) {
            return Optional.of("connection closed by the server");
        }
        return Optional.empty();
    }

    // Libraries wrap the handshake's own exception ("Failed to create SSL connection"): every
    // message in the chain is read for a known reason, and the innermost TLS one is the fallback.
    private static String tlsReason(Throwable whole) {
        String innermost = "";
        for (Throwable t : chain(whole)) {
            if (t instanceof CertificateExpiredException) {
                return "certificate expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "certificate not yet valid";
            }
            String message = t.getMessage() == null ? "" : t.getMessage().strip();
            Optional<String> known = knownTlsReason(message);
            if (known.isPresent()) {
                return known.get();
            }
            if (t instanceof SSLException && !message.isEmpty()) {
                innermost = message;
            }
        }
        String rest = withoutClassNames(innermost).strip();
        return rest.isEmpty() ? "no reason given" : lowerFirst(rest);
    }

    private static Optional<String> knownTlsReason(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to find valid certification path") || lower.contains("pkix path")) {
            return Optional.of("certificate not trusted (unknown issuer or self-signed)");
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return Optional.of("certificate does not match the host name");
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("not an ssl/tls record")) {
            return Optional.of("the server does not speak TLS");
        }
        if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")) {
            return Optional.of("no TLS protocol version in common");
        }
        if (lower.startsWith("received fatal alert: ")) {
            return Optional.of("the server refused it (" + message.substring("received fatal alert: ".length()) + ")");
        }
        return Optional.empty();
    }

    private static String withoutClassNames(String message) {
        return CLASS_PREFIX.matcher(message).replaceAll("");
    }

    // Causes and suppressed exceptions, depth first, each once: Jedis hides the socket error in a suppressed one.
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> seen = new ArrayList<>();
        collect(error, seen);
        return seen;
    }

    private static void collect(Throwable t, List<Throwable> seen) {
        if (t == null || seen.size() > 32 || seen.stream().anyMatch(s -> s == t)) {
            return;
        }
        seen.add(t);
        collect(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, seen);
        }
    }

    private static String lowerFirst(String s) {
        // "Connection refused" -> "connection refused"; acronyms such as "SSL ..." stay as they are.
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
