package dev.swarmwatch.agent.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExpanderTest {
    private final Expander expander = new Expander(Map.of("HOST", "manager-1", "PORT", "2376", "EMPTY", ""));

    @Test
    void replacesEveryReference() {
        assertThat(expander.expand("tcp://${HOST}:${PORT}")).isEqualTo(ok("tcp://manager-1:2376"));
    }

    @Test
    void defaultAppliesWhenUnsetOrEmpty() {
        assertThat(expander.expand("${MISSING:-15s}")).isEqualTo(ok("15s"));
        assertThat(expander.expand("${EMPTY:-15s}")).isEqualTo(ok("15s"));
        assertThat(expander.expand("${PORT:-2375}")).isEqualTo(ok("2376"));
        assertThat(expander.expand("${MISSING:-}")).isEqualTo(ok(""));
    }

    @Test
    void setButEmptyWithoutDefaultIsEmpty() {
        assertThat(expander.expand("[${EMPTY}]")).isEqualTo(ok("[]"));
    }

    @Test
    void doubleDollarBraceIsLiteralAndOtherDollarsAreLeftAlone() {
        assertThat(expander.expand("$${HOST} $HOST $$ a$b $")).isEqualTo(ok("${HOST} $HOST $$ a$b $"));
    }

    @Test
    void everyUnsetVariableIsReported() {
        assertThat(expander.expand("${A}/${HOST}/${B}").problems())
                .containsExactly("environment variable A is not set", "environment variable B is not set");
    }

    @Test
    void malformedReferencesAreReported() {
        assertThat(expander.expand("${HOST").problems()).containsExactly("unclosed ${ (write $${ for a literal ${)");
        assertThat(expander.expand("${HOST-x}").problems())
                .containsExactly("invalid variable reference \"${HOST-x}\" (write ${VAR} or ${VAR:-default})");
        assertThat(expander.expand("${}").problems())
                .containsExactly("invalid variable reference \"${}\" (write ${VAR} or ${VAR:-default})");
        assertThat(expander.expand("${A:-${B}}").problems())
                .containsExactly("nested ${ in the default of A is not supported");
    }

    private static Expander.Expanded ok(String text) {
        return new Expander.Expanded(text, List.of());
    }
}
