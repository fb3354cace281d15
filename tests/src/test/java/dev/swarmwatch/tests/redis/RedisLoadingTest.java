package dev.swarmwatch.tests.redis;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.swarmwatch.tests.redis.RedisBed.LOADING;
import static dev.swarmwatch.tests.redis.RedisBed.acl;
import static org.assertj.core.api.Assertions.assertThat;

/** A server still loading its dataset (tests/bed/redis.sh start-loading: ~40 s of slowed RDB load). */
class RedisLoadingTest {
    private static RedisBed bed;

    @BeforeAll
    static void startLoading() throws Exception {
        bed = new RedisBed();
        RedisBed.script("start-loading"); // returns once PING answers LOADING
    }

    @AfterAll
    static void stopLoading() throws Exception {
        try {
            RedisBed.script("stop-loading");
        } finally {
            bed.close();
        }
    }

    @Test
    void serverStillLoadingItsDatasetWarnsWithProgress() throws Exception {
        CheckResult r = bed.check(acl(LOADING)).result();

        assertThat(r.status()).as(r.summary()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).matches("loading the dataset into memory \\(\\d+\\.\\d% done, about \\d+s left\\)");
    }
}
