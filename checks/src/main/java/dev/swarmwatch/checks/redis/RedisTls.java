package dev.swarmwatch.checks.redis;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether to speak TLS, and whom to trust. Three explicit choices besides "off": the JVM's trust
 * store, one CA file (PEM), or no verification at all (self-signed test servers only).
 *
 * @param enabled            TLS on
 * @param caFile             PEM file with the CA (or the self-signed certificate) to trust instead of
 *                           the JVM's trust store; the host name is verified against it
 * @param insecureSkipVerify accept any certificate and any host name
 */
public record RedisTls(boolean enabled, Optional<Path> caFile, boolean insecureSkipVerify) {

    public RedisTls {
        Objects.requireNonNull(caFile, "caFile");
        if (!enabled && (caFile.isPresent() || insecureSkipVerify)) {
            throw new IllegalArgumentException("TLS trust options given while TLS is off");
        }
        if (caFile.isPresent() && insecureSkipVerify) {
            throw new IllegalArgumentException("TLS: a CA file and insecure-skip-verify exclude each other");
        }
    }

    public static RedisTls off() {
        return new RedisTls(false, Optional.empty(), false);
    }

    /** Verified against the JVM's default trust store. */
    public static RedisTls systemTrust() {
        return new RedisTls(true, Optional.empty(), false);
    }

    public static RedisTls trusting(Path ca) {
        return new RedisTls(true, Optional.of(ca), false);
    }

    public static RedisTls insecure() {
        return new RedisTls(true, Optional.empty(), true);
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "off";
        }
        return insecureSkipVerify ? "insecure" : caFile.map(p -> "ca " + p).orElse("system trust");
    }
}
