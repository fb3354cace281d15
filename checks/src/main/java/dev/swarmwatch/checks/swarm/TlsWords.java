package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.SafeText;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One connection's TLS failure in an operator's words: which side refused what, and the file or
 * option to look at. The JDK's own text ("PKIX path building failed: ...") is the last resort.
 */
final class TlsWords {
    private static final String HANDSHAKE = "TLS handshake failed: ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final EngineTls tls;
    private final URI host;
    private final EngineTrust trust;
    private final ClientKeyManager keys;

    /** @param keys null when no client certificate is configured */
    TlsWords(EngineTls tls, URI host, EngineTrust trust, ClientKeyManager keys) {
        this.tls = tls;
        this.host = host;
        this.trust = trust;
        this.keys = keys;
    }

    String plainHttp() {
        return notTls("the engine answered in plain HTTP");
    }

    private String notTls(String what) {
        return HANDSHAKE + what + ": " + host.getHost() + ":" + host.getPort() + " does not speak TLS"
                + " (for a plain engine unset DOCKER_TLS_VERIFY and engine.tls, or use the engine's TLS port)";
    }

    String closedDuringHandshake() {
        return HANDSHAKE + "the engine closed the connection in the middle of the TLS handshake";
    }

    EngineTlsException failure(SSLException e, boolean inHandshake) {
        if (e.getCause() instanceof EngineTlsException worded) {
            return worded;
        }
        if (trust.refusal() != null) {
            return new EngineTlsException(HANDSHAKE + serverRefused(trust.leaf()));
        }
        String alert = alert(e);
        if (alert != null) {
            return new EngineTlsException(clientRefused(alert));
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (reason.contains("Unrecognized SSL message")) {
            return new EngineTlsException(notTls("the engine's answer is not TLS"));
        }
        return new EngineTlsException((inHandshake ? HANDSHAKE : "TLS failed: ") + SafeText.line(reason, 200));
    }

    /** Why swarmwatch refused the engine's certificate. */
    private String serverRefused(X509Certificate leaf) {
        String ca = tls.caFile().map(Path::toString).orElse("the CA file");
        String who = leaf == null ? "" : " (" + SafeText.line(leaf.getSubjectX500Principal().getName(), 120) + ")";
        if (has(trust.refusal(), CertificateExpiredException.class) && leaf != null) {
            return "the engine's certificate" + who + " expired on " + DAY.format(leaf.getNotAfter().toInstant());
        }
        if (has(trust.refusal(), CertificateNotYetValidException.class) && leaf != null) {
            return "the engine's certificate" + who + " is not valid before " + DAY.format(leaf.getNotBefore().toInstant());
        }
        if (has(trust.refusal(), CertPathBuilderException.class)) {
            String issuer = leaf == null ? "" : ", issued by " + SafeText.line(leaf.getIssuerX500Principal().getName(), 120) + ",";
            return "the engine's certificate" + who + issuer + " is not signed by the CA in " + ca;
        }
        String message = String.valueOf(trust.refusal().getMessage());
        if (message.contains("subject alternative") || message.contains("No name matching")) {
            return "the engine's certificate" + who + " is for " + names(leaf) + ", not " + host.getHost()
                    + " (the host name in DOCKER_HOST / engine.host must be one of its names)";
        }
        return "the engine's certificate" + who + " is not valid against the CA in " + ca + ": "
                + SafeText.line(message, 200);
    }

    /** Why the engine refused swarmwatch, from the alert it sent. */
    private String clientRefused(String alert) {
        boolean sent = keys != null && keys.offered();
        String cert = tls.client().map(c -> c.certFile().toString()).orElse("");
        if (alert.equals("certificate_required") || !sent && (alert.equals("bad_certificate")
                || alert.equals("handshake_failure") || alert.equals("certificate_unknown"))) {
            return requiresCertificate();
        }
        return switch (alert) {
            case "unknown_ca", "bad_certificate", "certificate_unknown", "decrypt_error" ->
                    "the engine refused the client certificate in " + cert + ": it is not signed by a CA the engine"
                            + " trusts (its --tlscacert)";
            case "certificate_expired" -> "the engine refused the client certificate in " + cert + ": it has expired";
            case "protocol_version", "insufficient_security" ->
                    HANDSHAKE + "the engine and swarmwatch share no TLS version or cipher (engine alert " + alert + ")";
            default -> HANDSHAKE + "the engine ended it with the alert " + alert;
        };
    }

    private String requiresCertificate() {
        return "the engine refused the connection: it requires a client certificate ("
                + (tls.client().isEmpty()
                ? "give engine.tls.cert_file and key_file, or cert.pem and key.pem in DOCKER_CERT_PATH)"
                : "the one configured was not accepted for its key type)");
    }

    /** The alert's name from the JDK's "(bad_certificate) Received fatal alert: bad_certificate". */
    private static String alert(Throwable e) {
        String marker = "Received fatal alert: ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf(marker);
            if (at >= 0) {
                return m.substring(at + marker.length()).trim();
            }
        }
        return null;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf == null ? null : leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2 || type == 7) {
                        names.add((type == 2 ? "DNS:" : "IP:") + san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return "names swarmwatch cannot read";
        }
        return names.isEmpty() ? "no host name (it has no subject alternative names)"
                : SafeText.line(String.join(", ", names), 200);
    }
}
