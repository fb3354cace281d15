package dev.swarmwatch.checks.redis;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckResult;
import io.vertx.core.Future;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Probes one Redis server over one fresh connection: connect (and AUTH, which Jedis sends while
 * connecting), a timed PING, then {@code INFO replication}, {@code INFO memory} and
 * {@code INFO clients}. Jedis blocks, so all of it runs on a virtual thread.
 *
 * <p>A fresh connection per probe, not a pool: the probe is meant to see what a new client sees
 * (refused connections, a changed password, a failed-over role), and a pool would hide that.
 */
public final class RedisProbe {

    /** Call on the event loop; completes there. */
    public Future<CheckResult> probe(CheckContext context, RedisTarget target) {
        return context.blocking(() -> probeNow(target));
    }

    /** The blocking part; package-visible so nothing else is tempted to call it on the event loop. */
    static CheckResult probeNow(RedisTarget target) throws Exception {
        var config = RedisClientConfig.of(target);
        try (Jedis jedis = new Jedis(new HostAndPort(target.host(), target.port()), config)) {
            long start = System.nanoTime();
            try {
                String pong = jedis.ping();
                if (!"PONG".equals(pong)) {
                    throw new IllegalStateException("PING answered '" + pong + "', not PONG");
                }
            } catch (JedisDataException e) {
                if (RedisFailures.loading(e)) {
                    return loading(jedis);
                }
                if (!RedisFailures.masterDown(e)) {
                    throw e;
                }
                // The server did answer; INFO below says why it refuses (its master link is down).
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            RedisInfo info = RedisInfo.parse(jedis.info("replication"), jedis.info("memory"), jedis.info("clients"));
            return RedisVerdict.evaluate(target, RedisFacts.from(latency, info));
        } catch (JedisException e) {
            // The resources are closed by now: a classified failure leaves no socket behind.
            return RedisFailures.classify(target, e).orElseThrow(() -> e);
        }
    }

    // INFO answers while the dataset loads (PING does not), so the result can say how far it got.
    private static CheckResult loading(Jedis jedis) {
        RedisInfo info = RedisInfo.parse(jedis.info("persistence"));
        StringBuilder summary = new StringBuilder("loading the dataset into memory");
        var percent = info.decimal("loading_loaded_perc");
        var eta = info.integer("loading_eta_seconds");
        if (percent.isPresent()) {
            summary.append(String.format(Locale.ROOT, " (%.1f%% done", percent.getAsDouble()));
            summary.append(eta.isPresent() && eta.getAsLong() >= 0 ? ", about " + eta.getAsLong() + "s left)" : ")");
        }
        return CheckResult.warning(summary.toString())
                .withDetails(List.of("the server answers LOADING to commands until the dataset is in memory"));
    }
}
