package dev.swarmwatch.agent.config;

import dev.swarmwatch.checks.swarm.EngineTls;
import dev.swarmwatch.checks.swarm.Pem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The CA, certificate and key files of TLS to the engine, read as {@link BoundedFile}s and parsed
 * when the config is read, so a missing, wrong or encrypted file stops the start with its name
 * rather than failing every call. Problems are {@link IllegalArgumentException}s naming the file,
 * never its content.
 */
public final class EngineTlsFiles {
    /** A CA bundle: far more than a few hundred certificates. */
    public static final int PEM_LIMIT = 1024 * 1024;

    private EngineTlsFiles() {
    }

    public static List<X509Certificate> certificates(Path file) {
        String text = read(file);
        try {
            return Pem.certificates(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage());
        }
    }

    public static PrivateKey privateKey(Path file) {
        String text = read(file);
        try {
            return Pem.privateKey(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " " + e.getMessage());
        }
    }

    /** The certificate and its key, checked to belong together. */
    public static EngineTls.ClientKey clientKey(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!Pem.matches(chain.get(0), key)) {
            throw new IllegalArgumentException(keyFile + " is not the private key of the certificate in " + certFile);
        }
        return new EngineTls.ClientKey(chain, key, certFile);
    }

    /**
     * What the docker CLI reads with DOCKER_TLS_VERIFY: ca.pem, and cert.pem with key.pem when they
     * exist (the engine may not ask for a client certificate).
     */
    public static EngineTls fromCertPath(Path dir) {
        Path ca = dir.resolve("ca.pem");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        boolean hasCert = Files.exists(cert);
        boolean hasKey = Files.exists(key);
        if (hasCert != hasKey) {
            throw new IllegalArgumentException(dir + " has " + (hasCert ? "cert.pem but no key.pem" : "key.pem but no cert.pem")
                    + ": a client certificate needs both");
        }
        Optional<EngineTls.ClientKey> client = hasCert ? Optional.of(clientKey(cert, key)) : Optional.empty();
        return new EngineTls(certificates(ca), Optional.of(ca), client, true);
    }

    private static String read(Path file) {
        try {
            return BoundedFile.read(file, PEM_LIMIT);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + BoundedFile.reason(e));
        }
    }
}
