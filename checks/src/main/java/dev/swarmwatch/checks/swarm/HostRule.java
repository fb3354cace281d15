package dev.swarmwatch.checks.swarm;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a discovery allow or deny list: a network ({@code 10.0.0.0/8}, {@code fe80::/10}), an
 * address ({@code 127.0.0.1}) or a host name, where {@code *} stands for any characters
 * ({@code *.internal}). Addresses are parsed without any DNS lookup; a name rule matches names as
 * written, an address rule matches addresses, so {@code 169.254.169.254} written as a name never
 * slips past a network rule (the numeric forms a resolver accepts, such as {@code 2852039166}, are
 * read as addresses too).
 *
 * @param text as the operator wrote it, for messages
 */
public record HostRule(String text, Optional<Network> network, Optional<Pattern> name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9*_-]+(\\.[A-Za-z0-9*_-]+)*\\.?");

    /** An address block: the first {@code prefix} of {@code bits} bits of {@code value}. */
    public record Network(BigInteger value, int bits, int prefix) {
        public Network {
            Objects.requireNonNull(value, "value");
            if (bits != 32 && bits != 128 || prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad network /" + prefix + " of " + bits + " bits");
            }
        }

        boolean contains(byte[] address) {
            if (address.length * 8 != bits) {
                return false;
            }
            BigInteger hostBits = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            return new BigInteger(1, address).andNot(hostBits).equals(value.andNot(hostBits));
        }
    }

    public HostRule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(name, "name");
        if (network.isPresent() == name.isPresent()) {
            throw new IllegalArgumentException("a host rule is either a network or a name");
        }
    }

    /** Rules are equal when written alike: {@link Pattern} has no equality of its own. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HostRule rule && rule.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @throws IllegalArgumentException in an operator's words when the text is neither */
    public static HostRule parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        Optional<byte[]> bytes = address(address);
        if (bytes.isEmpty()) {
            if (slash >= 0 || !NAME.matcher(t).matches()) {
                throw new IllegalArgumentException("expected a network (10.0.0.0/8, fe80::/10), an address or a host name"
                        + " such as *.internal, got \"" + t + "\"");
            }
            String regex = Pattern.quote(strip(t)).replace("*", "\\E.*\\Q");
            return new HostRule(t, Optional.empty(), Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE)));
        }
        int bits = bytes.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = t.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("expected a prefix length from 0 to " + bits + " after the /, got \"" + t + "\"");
            }
            prefix = Integer.parseInt(length);
        }
        return new HostRule(t, Optional.of(new Network(new BigInteger(1, bytes.get()), bits, prefix)), Optional.empty());
    }

    /** Whether a target's host, as written in its option, falls under this rule. */
    public boolean matches(String host) {
        Optional<byte[]> target = address(host.trim());
        if (name.isPresent()) {
            return target.isEmpty() && name.get().matcher(strip(host.trim())).matches();
        }
        return target.isPresent() && network.orElseThrow().contains(target.get());
    }

    /** Whether a resolved address falls under this rule; a name rule matches no address. */
    public boolean matches(InetAddress address) {
        return network.isPresent() && network.get().contains(address.getAddress());
    }

    /** Whether the host is written as an address (in any form a resolver reads as one), not a name. */
    public static boolean isAddress(String host) {
        return address(host.trim()).isPresent();
    }

    private static String strip(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * The bytes of an IP literal, IPv4 in every form inet_aton reads (so {@code 0xa9fea9fe} and
     * {@code 2852039166} are 169.254.169.254), IPv6 with or without brackets or a zone; empty for a name.
     */
    static Optional<byte[]> address(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (t.contains(":")) {
            int zone = t.indexOf('%');
            String literal = zone < 0 ? t : t.substring(0, zone);
            if (!literal.matches("[0-9A-Fa-f:.]+")) {
                return Optional.empty();
            }
            try {
                // Brackets make the JDK treat it as a literal only: it never asks DNS.
                return Optional.of(InetAddress.getByName("[" + literal + "]").getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return ipv4(t);
    }

    private static Optional<byte[]> ipv4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            try {
                if (p.matches("0x[0-9a-f]{1,8}")) {
                    values[i] = Long.parseLong(p.substring(2), 16);
                } else if (p.matches("0[0-7]{1,11}")) {
                    values[i] = Long.parseLong(p, 8);
                } else if (p.matches("\\d{1,10}")) {
                    values[i] = Long.parseLong(p);
                } else {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        long value = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            value = value << 8 | values[i];
        }
        int restBits = 8 * (4 - (values.length - 1));
        long last = values[values.length - 1];
        if (last >= 1L << restBits) {
            return Optional.empty();
        }
        value = value << restBits | last;
        return Optional.of(new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }
}
