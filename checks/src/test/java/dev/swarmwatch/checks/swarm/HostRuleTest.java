package dev.swarmwatch.checks.swarm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostRuleTest {

    @Test
    void aNetworkMatchesTheAddressesInsideItOnly() {
        HostRule linkLocal = HostRule.parse("169.254.0.0/16");

        assertThat(linkLocal.matches("169.254.169.254")).isTrue();
        assertThat(linkLocal.matches("169.255.0.1")).isFalse();
        assertThat(linkLocal.matches("127.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.16689662", "::ffff:169.254.169.254",
            "[::ffff:169.254.169.254]"})
    void theNumericFormsAResolverAcceptsAreAddressesToo(String host) {
        assertThat(HostRule.parse("169.254.0.0/16").matches(host)).isTrue();
    }

    @Test
    void ipv6NetworksMatchWithOrWithoutBracketsAndZone() {
        HostRule rule = HostRule.parse("fe80::/10");

        assertThat(rule.matches("fe80::1")).isTrue();
        assertThat(rule.matches("[fe80::1]")).isTrue();
        assertThat(rule.matches("fe80::1%eth0")).isTrue();
        assertThat(rule.matches("febf::1")).isTrue();
        assertThat(rule.matches("fec0::1")).isFalse();
        assertThat(rule.matches("::1")).isFalse();
    }

    @Test
    void aNameRuleMatchesNamesCaseInsensitivelyAndNeverAddresses() {
        HostRule internal = HostRule.parse("*.internal");

        assertThat(internal.matches("db.internal")).isTrue();
        assertThat(internal.matches("A.B.INTERNAL.")).isTrue();
        assertThat(internal.matches("internal")).isFalse();
        assertThat(internal.matches("db.internal.example.com")).isFalse();
        assertThat(HostRule.parse("db").matches("db")).isTrue();
        assertThat(HostRule.parse("127.0.0.1").matches("localhost")).isFalse();
    }

    @Test
    void aSingleAddressIsAFullLengthNetwork() {
        assertThat(HostRule.parse("127.0.0.1").matches("127.0.0.1")).isTrue();
        assertThat(HostRule.parse("127.0.0.1").matches("127.0.0.2")).isFalse();
        assertThat(HostRule.parse("0.0.0.0/0").matches("8.8.8.8")).isTrue();
        assertThat(HostRule.parse("0.0.0.0/0").matches("::1")).isFalse();
    }

    @Test
    void badRulesAreRefusedInWords() {
        assertThatThrownBy(() -> HostRule.parse("10.0.0.0/40"))
                .hasMessage("expected a prefix length from 0 to 32 after the /, got \"10.0.0.0/40\"");
        assertThatThrownBy(() -> HostRule.parse("db/8"))
                .hasMessageStartingWith("expected a network (10.0.0.0/8, fe80::/10), an address or a host name");
        assertThatThrownBy(() -> HostRule.parse("fe80:::::1/10")).hasMessageStartingWith("expected a network");
    }

    @Test
    void denyWinsAndAnAllowListRefusesWhatItDoesNotName() {
        HostRules rules = new HostRules(List.of(HostRule.parse("127.0.0.0/8"), HostRule.parse("*.internal")),
                HostRules.defaults().deny());

        assertThat(rules.refusal("127.0.0.5")).isEmpty();
        assertThat(rules.refusal("db.internal")).isEmpty();
        assertThat(rules.refusal("169.254.169.254"))
                .hasValue("host 169.254.169.254 is refused by discovery.deny rule 169.254.0.0/16");
        assertThat(rules.refusal("10.1.2.3"))
                .hasValue("host 10.1.2.3 matches no discovery.allow rule (127.0.0.0/8, *.internal)");
        assertThat(HostRules.defaults().refusal("fe80::1")).hasValue("host fe80::1 is refused by discovery.deny rule fe80::/10");
        assertThat(HostRules.defaults().refusal("10.1.2.3")).isEmpty();
    }
}
