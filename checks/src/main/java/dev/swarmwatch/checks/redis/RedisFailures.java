package dev.swarmwatch.checks.redis;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.FailureWords;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The failures a Redis probe understands, as results. Anything else is left to the runner, which
 * reports it UNKNOWN in the same words. Texts never carry the password: Redis's own
 * replies do not echo it, and {@link #scrub} removes it from any text quoted anyway.
 */
final class RedisFailures {
    private RedisFailures() {
    }

    static Optional<CheckResult> classify(RedisTarget target, Throwable error) {
        if (error instanceof JedisConnectionException) {
            String reason = scrub(target, FailureWords.summary(error));
            List<String> details = List.of(scrub(target, FailureWords.detail(error)));
            String tls = "TLS handshake failed: ";
            if (reason.startsWith(tls)) {
                return Optional.of(CheckResult.critical("TLS handshake with " + target.address() + " failed: "
                        + reason.substring(tls.length())).withDetails(details));
            }
            return Optional.of(CheckResult.critical("no response from " + target.address() + ": " + reason)
                    .withDetails(details));
        }
        if (error instanceof JedisDataException data && data.getMessage() != null) {
            return authentication(target, data.getMessage());
        }
        return Optional.empty();
    }

    /** WRONGPASS, NOAUTH and the pre-ACL "invalid password" replies; JedisAccessControlException is one kind. */
    private static Optional<CheckResult> authentication(RedisTarget target, String reply) {
        String upper = reply.toUpperCase(Locale.ROOT);
        String why;
        if (upper.startsWith("WRONGPASS") || upper.contains("INVALID PASSWORD")
                || upper.contains("INVALID USERNAME-PASSWORD")) {
            why = "";
        } else if (upper.startsWith("NOAUTH")) {
            why = ": the server requires a password and none is configured";
        } else if (upper.contains("WITHOUT ANY PASSWORD CONFIGURED")) {
            why = ": the server has no password set";
        } else {
            return Optional.empty();
        }
        return Optional.of(CheckResult.critical("authentication failed for user " + target.userName() + why)
                .withDetails(List.of("server replied: " + scrub(target, reply))));
    }

    static boolean loading(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("LOADING");
    }

    /** A replica with {@code replica-serve-stale-data no} refuses PING but still answers INFO. */
    static boolean masterDown(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("MASTERDOWN");
    }

    static String scrub(RedisTarget target, String text) {
        return target.password().filter(p -> !p.isEmpty()).map(p -> text.replace(p, "***")).orElse(text);
    }
}
