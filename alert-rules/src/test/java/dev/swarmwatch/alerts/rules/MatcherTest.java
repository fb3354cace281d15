package dev.swarmwatch.alerts.rules;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MatcherTest {
    private static final Map<String, String> WEB = Map.of("service", "web-eu", "severity", "critical");

    @Test
    void theFourOperatorsOfAlertmanager() {
        assertThat(Matcher.parse("service=web-eu").matches(WEB)).isTrue();
        assertThat(Matcher.parse("service!=web-eu").matches(WEB)).isFalse();
        assertThat(Matcher.parse("service=~\"web-.*\"").matches(WEB)).isTrue();
        assertThat(Matcher.parse("service!~web-.*").matches(WEB)).isFalse();
        assertThat(Matcher.parse("severity = warning").matches(WEB)).isFalse();
    }

    @Test
    void regexesAreAnchoredAndAMissingLabelReadsAsEmpty() {
        assertThat(Matcher.parse("service=~web").matches(WEB)).isFalse();
        assertThat(Matcher.parse("node=").matches(WEB)).isTrue();
        assertThat(Matcher.parse("node=~.+").matches(WEB)).isFalse();
        assertThat(Matcher.parse("node!=n1").matches(WEB)).isTrue();
    }

    @Test
    void quotedValuesMayHoldOperatorsAndQuotes() {
        Matcher m = Matcher.parse("summary=\"a=b \\\"c\\\"\"");

        assertThat(m.value()).isEqualTo("a=b \"c\"");
        assertThat(Matcher.parse(m.toString())).isEqualTo(m);
    }

    @Test
    void badMatchersSayWhatIsExpected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("service"))
                .withMessageStartingWith("expected a matcher such as service=web");
        assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("service==web"))
                .withMessageStartingWith("expected a matcher");
        assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("service=~(web"))
                .withMessageStartingWith("bad regular expression \"(web\"");
        assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("1abc=x"))
                .withMessageStartingWith("expected a matcher");
    }
}
