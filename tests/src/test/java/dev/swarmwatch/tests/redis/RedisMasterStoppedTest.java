package dev.swarmwatch.tests.redis;

import dev.swarmwatch.checks.redis.RedisRole;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import static dev.swarmwatch.tests.redis.RedisBed.HOST;
import static dev.swarmwatch.tests.redis.RedisBed.MASTER;
import static dev.swarmwatch.tests.redis.RedisBed.REPLICA;
import static dev.swarmwatch.tests.redis.RedisBed.acl;
import static org.assertj.core.api.Assertions.assertThat;

/** The bed's master stopped (tests/bed/redis.sh stop-master), started again afterwards. */
class RedisMasterStoppedTest {
    private static RedisBed bed;

    @BeforeAll
    static void stopMaster() throws Exception {
        bed = new RedisBed();
        RedisBed.script("stop-master");
        waitForReplicaLinkDown();
    }

    @AfterAll
    static void startMaster() throws Exception {
        try {
            RedisBed.script("start-master"); // waits until the replica's link is up again
        } finally {
            bed.close();
        }
    }

    @Test
    void stoppedServerIsCriticalNoResponse() throws Exception {
        CheckResult r = bed.check(acl(MASTER)).result();

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("no response from 127.0.0.1:6391: connection refused");
        assertThat(r.perfdata()).isEmpty();
    }

    @Test
    void replicaWhoseMasterStoppedIsCriticalWithItsLinkDownSince() throws Exception {
        CheckResult r = bed.check(acl(REPLICA).withExpectedRole(RedisRole.REPLICA)).result();

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).matches("replica link to master 127\\.0\\.0\\.1:6391 down for \\d+s; "
                + "PONG in \\d+(\\.\\d+)? ms, role replica, 1 client, memory \\d+(\\.\\d)? (KB|MB)");
        assertThat(r.details()).startsWith("replica of 127.0.0.1:6391, link down");
        assertThat(r.perfdata()).filteredOn(p -> p.label().equals("master_link_down_seconds"))
                .singleElement().extracting(PerfDatum::unit).isEqualTo("s");
    }

    // The replica notices a closed connection at once, but the test must not race it.
    private static void waitForReplicaLinkDown() throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        var config = DefaultJedisClientConfig.builder().user(RedisBed.USER).password(RedisBed.PASS)
                .timeoutMillis(2000).build();
        String info = "";
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = new Jedis(new HostAndPort(HOST, REPLICA), config)) {
                info = jedis.info("replication");
                if (info.contains("master_link_status:down")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replica link still not down after 15s: " + info);
    }
}
