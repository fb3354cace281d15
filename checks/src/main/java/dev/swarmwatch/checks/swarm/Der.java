package dev.swarmwatch.checks.swarm;

import java.util.Arrays;

/** Just enough DER to find the named curve of a SEC1 EC private key (RFC 5915). */
final class Der {
    private final byte[] data;
    private int at;

    private Der(byte[] data) {
        this.data = data;
    }

    /**
     * The curve's OID element ({@code 06 len ...}) from {@code ECPrivateKey ::= SEQUENCE { version,
     * privateKey OCTET STRING, [0] parameters, [1] publicKey }}.
     */
    static byte[] curveOf(byte[] sec1) {
        try {
            Der der = new Der(sec1);
            der.expect(0x30);
            int end = der.length() + der.at;
            while (der.at < end) {
                int tag = der.data[der.at++] & 0xff;
                int length = der.length();
                if (tag == 0xa0) {
                    int start = der.at;
                    if ((der.data[start] & 0xff) != 0x06) {
                        break;
                    }
                    return Arrays.copyOfRange(der.data, start, start + length);
                }
                der.at += length;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the EC private key is damaged");
        }
        throw new IllegalArgumentException("the EC private key does not name its curve (write it with openssl ec -param_enc named_curve)");
    }

    private void expect(int tag) {
        if ((data[at++] & 0xff) != tag) {
            throw new IllegalArgumentException("the EC private key is damaged");
        }
    }

    private int length() {
        int first = data[at++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            n = n << 8 | data[at++] & 0xff;
        }
        return n;
    }
}
