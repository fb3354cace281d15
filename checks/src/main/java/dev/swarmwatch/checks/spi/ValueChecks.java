package dev.swarmwatch.checks.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The value checks declared kinds share: URLs, ports, regular expressions, HTTP tokens, PEM files.
 * Each throws {@link IllegalArgumentException} with a message in an operator's words that names the
 * broken part, never the whole value (a URL may carry credentials).
 */
public final class ValueChecks {
    /** RFC 9110 token: method and header names. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** A CA bundle is small; a bigger file is not one. */
    private static final long MAX_PEM_BYTES = 1 << 20;

    private ValueChecks() {
    }

    /**
     * An absolute URL with one of the schemes and a host.
     *
     * @param allowPath whether a path and query may follow the authority
     */
    public static URI url(String text, Set<String> schemes, boolean allowPath) {
        URI uri;
        try {
            // Not trimmed: what is checked is exactly what the probe will dial.
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason().toLowerCase(Locale.ROOT)
                    + " at character " + (e.getIndex() + 1));
        }
        String expected = String.join(" or ", schemes.stream().sorted().toList());
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("not an absolute URL: expected "
                    + String.join(" or ", schemes.stream().sorted().map(s -> s + "://host...").toList()));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new IllegalArgumentException("scheme " + scheme + " is not supported (expected " + expected + ")");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException("the URL has no host");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(uri.getRawAuthority().matches(".*:[0-9]{6,}$")
                    ? "port is out of range 1-65535"
                    : "the URL has no valid host (letters, digits, '-' and '.', or an IP address)");
        }
        if (uri.getPort() != -1) {
            port(uri.getPort());
        }
        if (!allowPath && (uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("expected " + scheme + "://host:port with no path or query");
        }
        return uri;
    }

    /** The hosts of the URLs that are valid, as {@link URI#getHost()} gives them but without IPv6 brackets. */
    public static List<String> hosts(List<String> urls, Set<String> schemes) {
        List<String> hosts = new ArrayList<>();
        for (String url : urls) {
            try {
                String host = url(url, schemes, true).getHost();
                hosts.add(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
            } catch (IllegalArgumentException e) {
                // Reported by validation; a URL that cannot be dialled points nowhere.
            }
        }
        return hosts;
    }

    public static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
        return port;
    }

    public static String host(String text) {
        String host = text.trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the host is empty");
        }
        if (!host.matches("[A-Za-z0-9._:\\[\\]%-]+")) {
            throw new IllegalArgumentException("expected a host name or IP address, got \"" + SafeText.line(host, 60) + "\"");
        }
        return host;
    }

    public static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
            throw new IllegalArgumentException("not a valid regular expression: "
                    + e.getDescription().toLowerCase(Locale.ROOT) + where);
        }
    }

    /** An HTTP method or header name. */
    public static String token(String text, String what) {
        if (!TOKEN.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " \"" + SafeText.line(text, 60)
                    + "\" is not a valid HTTP token (letters, digits and !#$%&'*+.^_`|~-)");
        }
        return text;
    }

    /** A header value: no control characters, so it cannot split the request. */
    public static String headerValue(String text, String what) {
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new IllegalArgumentException(what + " holds a control character");
        }
        return text;
    }

    /** A PEM file of X.509 certificates that exists and parses, as a CA bundle must. */
    public static Path certificates(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("certificate file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("certificate file " + file + " is not a regular file");
        }
        try {
            if (Files.size(file) > MAX_PEM_BYTES) {
                throw new IllegalArgumentException("certificate file " + file + " is larger than 1 MB");
            }
            try (InputStream in = Files.newInputStream(file)) {
                if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                    throw new IllegalArgumentException("certificate file " + file + " holds no certificate");
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate file " + file + " holds no valid PEM certificate");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read certificate file " + file);
        }
        return file;
    }
}
