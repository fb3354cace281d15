package dev.swarmwatch.checks.redis;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The Jedis client config for a target: every timeout set, credentials, and the TLS trust choice. */
final class RedisClientConfig {
    private RedisClientConfig() {
    }

    static DefaultJedisClientConfig of(RedisTarget target) throws IOException, GeneralSecurityException {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) target.connectTimeout().toMillis())
                .socketTimeoutMillis((int) target.socketTimeout().toMillis())
                // A monitor need not announce itself: CLIENT SETINFO would cost a round trip per probe.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        target.user().ifPresent(b::user);
        target.password().ifPresent(b::password);
        RedisTls tls = target.tls();
        if (tls.enabled()) {
            b.ssl(true);
            if (tls.insecureSkipVerify()) {
                b.sslSocketFactory(trustingAnything()).hostnameVerifier((host, session) -> true);
            } else {
                // JSSE checks the certificate's names against the host during the handshake.
                SSLParameters verifyHost = new SSLParameters();
                verifyHost.setEndpointIdentificationAlgorithm("HTTPS");
                b.sslParameters(verifyHost);
                if (tls.caFile().isPresent()) {
                    b.sslSocketFactory(trusting(tls.caFile().get()));
                }
            }
        }
        return b.build();
    }

    private static SSLSocketFactory trusting(java.nio.file.Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        int n = 0;
        try (InputStream in = Files.newInputStream(caFile)) {
            for (Certificate cert : x509.generateCertificates(in)) {
                store.setCertificateEntry("ca" + n++, cert);
            }
        }
        if (n == 0) {
            throw new GeneralSecurityException("no certificate in CA file " + caFile);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static SSLSocketFactory trustingAnything() throws GeneralSecurityException {
        TrustManager anything = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{anything}, null);
        return ctx.getSocketFactory();
    }
}
