package dev.swarmwatch.checks.swarm;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * One connection's check of the engine's certificate: the JDK's PKIX check with host name
 * verification (or none, when verify is off), keeping the chain the engine showed and why it was
 * refused, so the failure can be told in an operator's words rather than as "PKIX path building failed".
 */
final class EngineTrust extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private volatile X509Certificate[] shown;
    private volatile CertificateException refusal;

    /** @param pkix the CA check; null when the engine's certificate is not verified */
    EngineTrust(X509ExtendedTrustManager pkix) {
        this.pkix = pkix;
    }

    /** The engine's certificate, once it showed one. */
    X509Certificate leaf() {
        X509Certificate[] chain = shown;
        return chain == null || chain.length == 0 ? null : chain[0];
    }

    CertificateException refusal() {
        return refusal;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        shown = chain.clone();
        if (pkix == null) {
            return;
        }
        try {
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            refusal = e;
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the engine connection uses an SSLEngine");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the engine connection uses an SSLEngine");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("swarmwatch is the client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("swarmwatch is the client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("swarmwatch is the client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix == null ? new X509Certificate[0] : pkix.getAcceptedIssuers();
    }
}
