package dev.swarmwatch.checks.swarm;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Shows the one configured client certificate whenever the engine asks, whatever CAs it names:
 * the JDK's own key manager would silently send none when the issuer does not match, and the
 * engine's refusal would then read as "no client certificate" instead of "not trusted".
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final EngineTls.ClientKey client;
    private volatile boolean offered;

    ClientKeyManager(EngineTls.ClientKey client) {
        this.client = client;
    }

    /** Whether the engine asked for the certificate and it was sent. */
    boolean offered() {
        return offered;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        String algorithm = client.key().getAlgorithm();
        boolean fits = keyType == null || Arrays.stream(keyType).anyMatch(t -> t.equalsIgnoreCase(algorithm)
                || algorithm.equals("EdDSA") && t.startsWith("Ed"));
        if (fits) {
            offered = true;
            return ALIAS;
        }
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return chooseEngineClientAlias(keyType, issuers, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? client.chain().toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? client.key() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
