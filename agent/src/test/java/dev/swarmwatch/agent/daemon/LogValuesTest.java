package dev.swarmwatch.agent.daemon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogValuesTest {

    @Test
    void anEngineValueIsOneQuotedBoundedLineWithoutEscapes() {
        assertThat(LogValues.quoted("web\u001b[2J\r\nFAKE event=ok \"x\" \\")).isEqualTo("\"web FAKE event=ok \\\"x\\\" \\\\\"");
        assertThat(LogValues.quoted("s".repeat(1_000_000))).hasSize(LogValues.MAX + 2).endsWith("\u2026\"");
        assertThat(LogValues.quoted(null)).isEqualTo("\"\"");
    }
}
