package dev.swarmwatch.alerts.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    /** A random source that always answers the top of the range: the ceiling itself. */
    private static final RandomGenerator TOP = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private static final RandomGenerator BOTTOM = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    @Test
    void ceilingDoublesFromOneSecondUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), TOP);
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(b.ceiling(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(b.ceiling(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.ceiling(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), TOP).next(4, Optional.empty(), now))
                .isEqualTo(now.plusSeconds(8));
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), BOTTOM).next(4, Optional.empty(), now))
                .isEqualTo(now);
    }

    @Test
    void retryAfterIsAFloorNotAHint() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), BOTTOM);
        assertThat(b.next(1, Optional.of(Duration.ofSeconds(7)), now)).isEqualTo(now.plusSeconds(7));
        Backoff top = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), TOP);
        assertThat(top.next(6, Optional.of(Duration.ofSeconds(7)), now)).as("backoff already later").isEqualTo(now.plusSeconds(32));
    }

    @Test
    void seededJitterStaysWithinTheCeilingEveryTime() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new java.util.SplittableRandom(42));
        for (int attempt = 1; attempt < 30; attempt++) {
            Instant next = b.next(attempt, Optional.empty(), now);
            assertThat(Duration.between(now, next)).isBetween(Duration.ZERO, b.ceiling(attempt));
        }
    }
}
