package dev.swarmwatch.checks.swarm;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;

/**
 * Turns an {@link EngineTls} into TLS connections: the CA check is built once, and each connection
 * gets its own SSLContext so that its certificate check and key use can be told afterwards.
 */
final class EngineTlsSetup {
    private final EngineTls tls;
    private final X509ExtendedTrustManager pkix;

    EngineTlsSetup(EngineTls tls) {
        this.tls = tls;
        this.pkix = tls.verify() ? pkix(tls) : null;
    }

    /** A TLS layer over a connected channel to {@code host}; the handshake is left to the caller. */
    TlsChannel open(SocketChannel channel, URI host, int port) throws IOException {
        EngineTrust trust = new EngineTrust(pkix);
        ClientKeyManager keys = tls.client().map(ClientKeyManager::new).orElse(null);
        SSLEngine engine;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? new KeyManager[0] : new KeyManager[] {keys}, new TrustManager[] {trust}, null);
            engine = context.createSSLEngine(peerHost(host), port);
        } catch (GeneralSecurityException e) {
            throw new EngineTlsException("cannot set up TLS: " + e.getMessage());
        }
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        if (tls.verify()) {
            // The docker CLI checks the engine's certificate names the host it dials; so does HTTPS.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        engine.setSSLParameters(parameters);
        return new TlsChannel(channel, engine, new TlsWords(tls, host, trust, keys));
    }

    private static String peerHost(URI host) {
        String name = host.getHost();
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    private static X509ExtendedTrustManager pkix(EngineTls tls) {
        try {
            KeyStore cas = KeyStore.getInstance(KeyStore.getDefaultType());
            cas.load(null, null);
            for (int i = 0; i < tls.trusted().size(); i++) {
                cas.setCertificateEntry("ca-" + i, tls.trusted().get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(cas);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509ExtendedTrustManager.class::isInstance)
                    .map(X509ExtendedTrustManager.class::cast)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no PKIX trust manager in this JDK"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the CA check: " + e.getMessage(), e);
        }
    }
}
