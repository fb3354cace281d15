package dev.swarmwatch.checks.swarm;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS to a remote engine (a {@code tcp://} host), as the docker CLI's {@code --tlsverify} does it:
 * the engine's certificate must be signed by one of {@code trusted} and name the host (its SAN),
 * and the client certificate is shown when the engine asks for one. Parsed when the config is read
 * (see {@link Pem}), so a call never reads a file.
 *
 * @param trusted the CA certificates of {@code caFile}; empty when {@code verify} is off
 * @param caFile  where they come from, for messages
 * @param client  the client certificate and its key, when given
 * @param verify  whether the engine's certificate and host name are checked; off is {@code docker --tls}
 */
public record EngineTls(List<X509Certificate> trusted, Optional<Path> caFile, Optional<ClientKey> client, boolean verify) {

    public EngineTls {
        trusted = List.copyOf(trusted);
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(client, "client");
        if (verify && (trusted.isEmpty() || caFile.isEmpty())) {
            throw new IllegalArgumentException("verifying the engine's certificate needs a CA file");
        }
        if (!verify && (!trusted.isEmpty() || caFile.isPresent())) {
            throw new IllegalArgumentException("a CA file is given but verify is off");
        }
    }

    /**
     * A client certificate and its private key.
     *
     * @param chain    the certificate (first) and any intermediates, as in cert.pem
     * @param key      its private key
     * @param certFile where the certificate comes from, for messages
     */
    public record ClientKey(List<X509Certificate> chain, PrivateKey key, Path certFile) {
        public ClientKey {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a client certificate is needed");
            }
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(certFile, "certFile");
        }

        @Override
        public String toString() {
            return "ClientKey[" + certFile + "]";
        }
    }

    /** Never the key, nor whole certificates. */
    @Override
    public String toString() {
        return "EngineTls[ca=" + caFile.map(Path::toString).orElse("-") + ", client=" + client.map(ClientKey::certFile)
                .map(Path::toString).orElse("-") + ", verify=" + verify + "]";
    }
}
