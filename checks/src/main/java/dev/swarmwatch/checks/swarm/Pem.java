package dev.swarmwatch.checks.swarm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PEM files the docker CLI uses: certificates, and unencrypted private keys as openssl writes
 * them: PKCS#8 ({@code openssl genrsa} and {@code req -nodes} in OpenSSL 3), PKCS#1
 * ({@code genrsa} in OpenSSL 1.x, {@code -traditional}) and SEC1 ({@code openssl ecparam -genkey}).
 * Every failure is an {@link IllegalArgumentException} in an operator's words, without the file's content.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");
    private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private Pem() {
    }

    /** Every certificate in the text, in file order; at least one. */
    public static List<X509Certificate> certificates(String text) {
        List<X509Certificate> found = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("CERTIFICATE")) {
                continue;
            }
            try {
                byte[] der = body(m.group(2), "certificate " + (found.size() + 1));
                found.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("certificate " + (found.size() + 1) + " is not a valid X.509 certificate");
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(text.contains("PRIVATE KEY-----")
                    ? "holds a private key, not a certificate"
                    : "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(found);
    }

    /** The first private key in the text. */
    public static PrivateKey privateKey(String text) {
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("ENCRYPTED PRIVATE KEY") || (type.endsWith("PRIVATE KEY") && m.group(2).contains("ENCRYPTED"))) {
                throw new IllegalArgumentException("holds an encrypted private key: the Docker engine's client key must be"
                        + " unencrypted (openssl pkey -in KEY -out key.pem)");
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(body(m.group(2), "the private key"));
                case "RSA PRIVATE KEY":
                    return pkcs8(sequence(integerZero(), RSA_ALGORITHM, tlv(0x04, body(m.group(2), "the RSA private key"))),
                            "RSA");
                case "EC PRIVATE KEY":
                    byte[] sec1 = body(m.group(2), "the EC private key");
                    byte[] algorithm = sequence(EC_PUBLIC_KEY_OID, Der.curveOf(sec1));
                    return pkcs8(sequence(integerZero(), algorithm, tlv(0x04, sec1)), "EC");
                default:
                    // EC PARAMETERS before the key, certificates in a combined file: skipped.
            }
        }
        throw new IllegalArgumentException(text.contains("-----BEGIN CERTIFICATE-----")
                ? "holds a certificate, not a private key"
                : "holds no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    /** Whether the key belongs to the certificate: a signature made with one verifies with the other. */
    public static boolean matches(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        PublicKey publicKey = certificate.getPublicKey();
        if (!publicKey.getAlgorithm().equals(key.getAlgorithm())
                && !(algorithm.equals("EdDSA") && publicKey.getAlgorithm().startsWith("Ed"))) {
            return false;
        }
        try {
            byte[] probe = "swarmwatch key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PrivateKey pkcs8(byte[] der) {
        for (String algorithm : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException notThisOne) {
                // The next algorithm may read it.
            }
        }
        throw new IllegalArgumentException("the private key is not an RSA, EC or Ed25519 key Java can read");
    }

    private static PrivateKey pkcs8(byte[] der, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the " + algorithm + " private key is damaged");
        }
    }

    private static byte[] body(String base64, String what) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64");
        }
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return tlv(0x30, all.toByteArray());
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }
}
