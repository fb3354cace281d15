package dev.swarmwatch.checks.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisInfoTest {
    // Abridged from a real Redis 7.0 replica whose master had just stopped (CRLF as on the wire).
    static final String REPLICATION_LINK_DOWN = String.join("\r\n",
            "# Replication",
            "role:slave",
            "master_host:127.0.0.1",
            "master_port:6391",
            "master_link_status:down",
            "master_last_io_seconds_ago:-1",
            "master_sync_in_progress:0",
            "slave_repl_offset:0",
            "master_link_down_since_seconds:42",
            "connected_slaves:0",
            "") + "\r\n";
    static final String MEMORY = "# Memory\r\nused_memory:1258291\r\nused_memory_human:1.20M\r\n"
            + "maxmemory:67108864\r\nmaxmemory_human:64.00M\r\nmaxmemory_policy:noeviction\r\n";
    static final String CLIENTS = "# Clients\r\nconnected_clients:2\r\ncluster_connections:0\r\nmaxclients:10000\r\n";

    @Test
    void sectionsHeadersAndBlankLinesAreSkippedAndFieldsOfSeveralRepliesMerge() {
        RedisInfo info = RedisInfo.parse(REPLICATION_LINK_DOWN, MEMORY, CLIENTS);

        assertThat(info.text("role")).contains("slave");
        assertThat(info.integer("master_link_down_since_seconds")).hasValue(42);
        assertThat(info.integer("connected_clients")).hasValue(2);
        assertThat(info.text("maxmemory_policy")).contains("noeviction");
        assertThat(info.fields()).doesNotContainKeys("# Replication", "", "# Memory");
    }

    @Test
    void onlyTheFirstColonSplitsSoIpv6AndReplicaListsSurvive() {
        RedisInfo info = RedisInfo.parse("master_host:::1\nslave0:ip=::1,port=6392,state=online,offset=14,lag=0\n");

        assertThat(info.text("master_host")).contains("::1");
        assertThat(info.text("slave0")).contains("ip=::1,port=6392,state=online,offset=14,lag=0");
    }

    @Test
    void nonNumbersAreAbsentAsNumbersButStillReadableAsText() {
        RedisInfo info = RedisInfo.parse("used_memory_human:1.20M\nmem_fragmentation_ratio:7.36\nweird line\n");

        assertThat(info.integer("used_memory_human")).isEqualTo(OptionalLong.empty());
        assertThat(info.text("used_memory_human")).contains("1.20M");
        assertThat(info.decimal("mem_fragmentation_ratio").getAsDouble()).isEqualTo(7.36);
        assertThat(info.integer("missing")).isEmpty();
        assertThat(info.fields()).hasSize(2);
    }

    @Test
    void factsOfAReplicaWithItsLinkDown() {
        RedisFacts facts = RedisFacts.from(Duration.ofMillis(1), RedisInfo.parse(REPLICATION_LINK_DOWN, MEMORY, CLIENTS));

        assertThat(facts.role()).isEqualTo(RedisRole.REPLICA);
        assertThat(facts.link()).hasValueSatisfying(link -> {
            assertThat(link.master()).isEqualTo("127.0.0.1:6391");
            assertThat(link.up()).isFalse();
            assertThat(link.downSeconds()).hasValue(42);
        });
        assertThat(facts.usedMemory()).isEqualTo(1258291);
        assertThat(facts.maxMemory()).isEqualTo(67108864);
        assertThat(facts.connectedClients()).isEqualTo(2);
    }

    @Test
    void linkNeverUpSinceStartHasNoDownSeconds() {
        RedisFacts facts = RedisFacts.from(Duration.ofMillis(1), RedisInfo.parse(
                REPLICATION_LINK_DOWN.replace("since_seconds:42", "since_seconds:-1"), MEMORY, CLIENTS));

        assertThat(facts.link().orElseThrow().downSeconds()).isEmpty();
    }

    @Test
    void aReplyWithoutTheFieldsTheVerdictNeedsIsAnErrorNotAZero() {
        assertThatThrownBy(() -> RedisFacts.from(Duration.ZERO, RedisInfo.parse("role:master\r\n", CLIENTS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("INFO reply has no integer field used_memory");
        assertThatThrownBy(() -> RedisFacts.from(Duration.ZERO, RedisInfo.parse("role:sentinel\r\n", MEMORY, CLIENTS)))
                .hasMessage("INFO reply has unknown role 'sentinel'");
    }
}
