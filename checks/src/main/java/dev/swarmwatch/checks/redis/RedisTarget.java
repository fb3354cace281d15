package dev.swarmwatch.checks.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One Redis server to probe, and how to judge it.
 *
 * @param host           name or address to connect to
 * @param port           TCP port
 * @param user           ACL user (Redis 6+); empty means the {@code default} user
 * @param password       secret for AUTH; never part of {@link #toString()} or any result text
 * @param tls            plain TCP, or TLS with its trust choice
 * @param connectTimeout bound on the TCP (and TLS) connect
 * @param socketTimeout  bound on each reply (AUTH, PING, INFO)
 * @param expectedRole   CRITICAL when the server has another role; empty accepts either
 * @param thresholds     latency, memory and client limits
 */
public record RedisTarget(String host, int port, Optional<String> user, Optional<String> password,
                          RedisTls tls, Duration connectTimeout, Duration socketTimeout,
                          Optional<RedisRole> expectedRole, RedisThresholds thresholds) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public RedisTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(expectedRole, "expectedRole");
        Objects.requireNonNull(thresholds, "thresholds");
        if (host.isBlank()) {
            throw new IllegalArgumentException("redis host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("redis port must be 1..65535, got " + port);
        }
        if (user.isPresent() && user.get().isBlank()) {
            throw new IllegalArgumentException("redis user is blank");
        }
        // An ACL user without a password cannot AUTH; Jedis would silently probe as "default".
        if (user.isPresent() && password.isEmpty()) {
            throw new IllegalArgumentException("redis user " + user.get() + " given without a password");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(socketTimeout, "socketTimeout");
    }

    /** Defaults: no auth, no TLS, 3 s timeouts, any role, {@link RedisThresholds#defaults()}. */
    public static RedisTarget of(String host, int port) {
        return new RedisTarget(host, port, Optional.empty(), Optional.empty(), RedisTls.off(),
                DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, Optional.empty(), RedisThresholds.defaults());
    }

    public RedisTarget withUser(String aclUser, String secret) {
        return new RedisTarget(host, port, Optional.of(aclUser), Optional.of(secret), tls,
                connectTimeout, socketTimeout, expectedRole, thresholds);
    }

    /** {@code requirepass} style: AUTH as the default user. */
    public RedisTarget withPassword(String secret) {
        return new RedisTarget(host, port, Optional.empty(), Optional.of(secret), tls,
                connectTimeout, socketTimeout, expectedRole, thresholds);
    }

    public RedisTarget withTls(RedisTls choice) {
        return new RedisTarget(host, port, user, password, choice, connectTimeout, socketTimeout,
                expectedRole, thresholds);
    }

    public RedisTarget withTimeouts(Duration connect, Duration socket) {
        return new RedisTarget(host, port, user, password, tls, connect, socket, expectedRole, thresholds);
    }

    public RedisTarget withExpectedRole(RedisRole role) {
        return new RedisTarget(host, port, user, password, tls, connectTimeout, socketTimeout,
                Optional.of(role), thresholds);
    }

    public RedisTarget withThresholds(RedisThresholds limits) {
        return new RedisTarget(host, port, user, password, tls, connectTimeout, socketTimeout,
                expectedRole, limits);
    }

    /** {@code host:port}, as messages name the server. */
    public String address() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** The user AUTH runs as, for messages: the ACL user or Redis's {@code default}. */
    public String userName() {
        return user.orElse("default");
    }

    @Override
    public String toString() {
        return "RedisTarget[" + address() + ", user=" + userName()
                + ", password=" + (password.isPresent() ? "***" : "none") + ", tls=" + tls
                + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout
                + ", expectedRole=" + expectedRole.map(RedisRole::text).orElse("any")
                + ", thresholds=" + thresholds + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        if (d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " too long: " + d);
        }
    }
}
