package dev.swarmwatch.alerts.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert's identity from its labels: the first 16 hex digits of SHA-256 over the labels sorted by
 * name, each written {@code name 0x00 value 0x00}. Depends on nothing but the labels, so it is the
 * same across restarts and versions; changing this encoding would re-fire every stored alert.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> canonical.append(k).append('\0').append(v).append('\0'));
        return sha256(canonical.toString()).substring(0, 16);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
