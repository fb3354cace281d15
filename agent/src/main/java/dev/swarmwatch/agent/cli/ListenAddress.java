package dev.swarmwatch.agent.cli;

import java.util.Objects;

/** The daemon's {@code --listen host:port}, checked before anything starts. */
record ListenAddress(String host, int port) {
    private static final String EXPECTED = "expected host:port with a port from 1 to 65535";

    ListenAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("--listen: the host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--listen: port " + port + " is out of range 1-65535");
        }
    }

    /** {@code 127.0.0.1:9469}, {@code 0.0.0.0:9469}, {@code [::1]:9469}. */
    static ListenAddress parse(String text) {
        IllegalArgumentException bad = new IllegalArgumentException("--listen: " + EXPECTED + ", got \"" + text + "\"");
        int colon = text.lastIndexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            throw bad;
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw bad; // an IPv6 address needs its brackets, or the port is ambiguous
        }
        // Digits only: Integer.parseInt would take "-1" and "+80", and its message names no option.
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad;
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("--listen: port " + number + " in \"" + text + "\" is out of range 1-65535");
        }
        return new ListenAddress(host, number);
    }
}
