package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.http.HttpKind;
import dev.swarmwatch.checks.patroni.PatroniKind;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.Options;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static dev.swarmwatch.checks.swarm.Fixtures.NOW;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

/** Label targets are held to the config's value checks and to the discovery host rules. */
class LabelRulesTest {
    private static final DeclaredKind HTTP = new HttpKind();

    private static SwarmSnapshot.Available swarm(Map<String, String> labels) {
        EngineInfo info = new EngineInfo("active", true, "n1", 1, 1, "", "20.10");
        SwarmService web = new SwarmService("svc-web", "web", "", "replicated", 1, OptionalInt.empty(),
                OptionalInt.empty(), "", "", labels);
        return new SwarmSnapshot.Available(info, List.of(worker("n1", "ready", "active")), List.of(web), List.of(), NOW);
    }

    /** Label targets as a cycle sees them: parsed, then screened with the machine's own resolver. */
    private static List<CheckTarget> find(DeclaredKind kind, Map<String, String> labels, HostRules rules) {
        return LabelScreen.screen(kind, found(kind, labels), rules, LabelScreen.Resolver.system());
    }

    private static List<CheckTarget> found(DeclaredKind kind, Map<String, String> labels) {
        return LabelTargets.find(swarm(labels), kind, Options.defaults(kind.options()));
    }

    @Test
    void aLabelUrlThatCannotWorkIsUnusableNamingTheLabel() {
        List<CheckTarget> targets = find(HTTP, Map.of("swarmwatch.http.url", "file:///etc/passwd",
                "swarmwatch.http.api.url", "http://127.0.0.1:70000/", "swarmwatch.http.api.body_regex", "(up"),
                HostRules.defaults());

        assertThat(targets).extracting(CheckTarget::problem).containsExactly(
                "label swarmwatch.http.url: scheme file is not supported (expected http or https)",
                "label swarmwatch.http.api.url: port 70000 is out of range 1-65535; "
                        + "label swarmwatch.http.api.body_regex: not a valid regular expression: unclosed group at character 4");
    }

    @Test
    void aLabelTargetNeverFollowsARedirectPastTheHostRules() {
        List<CheckTarget> targets = find(HTTP, Map.of("swarmwatch.http.url", "http://127.0.0.1:8080/health",
                "swarmwatch.http.follow_redirects", "true"), HostRules.defaults());

        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.problem()).isEmpty();
            assertThat(t.options().bool("follow_redirects")).isFalse();
        });
    }

    @Test
    void aLinkLocalTargetIsRefusedByTheDefaultDenyRuleAndLoopbackIsNot() {
        List<CheckTarget> targets = find(HTTP, Map.of("swarmwatch.http.metadata.url", "http://169.254.169.254/latest/",
                "swarmwatch.http.health.url", "http://127.0.0.1:8080/health"), HostRules.defaults());

        assertThat(targets).extracting(CheckTarget::name, CheckTarget::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple("web.health", ""),
                org.assertj.core.groups.Tuple.tuple("web.metadata",
                        "host 169.254.169.254 is refused by discovery.deny rule 169.254.0.0/16"));
    }

    @Test
    void anAllowListRefusesEveryPatroniMemberOutsideIt() {
        HostRules onlyInternal = new HostRules(List.of(HostRule.parse("*.internal")), List.of());

        List<CheckTarget> targets = find(new PatroniKind(), Map.of("swarmwatch.patroni.members",
                "http://db1.internal:8008,http://[fe80::1]:8008"), onlyInternal);

        assertThat(targets).singleElement().extracting(CheckTarget::problem)
                .isEqualTo("host fe80::1 matches no discovery.allow rule (*.internal)");
    }

    @Test
    void anEmptyDenyListLiftsTheDefault() {
        List<CheckTarget> targets = find(HTTP, Map.of("swarmwatch.http.url", "http://169.254.169.254/"),
                new HostRules(List.of(), List.of()));

        assertThat(targets).singleElement().extracting(CheckTarget::usable).isEqualTo(true);
    }

    @Test
    void aNameIsJudgedByTheAddressesItResolvesTo() {
        HostRules denyLoopback = new HostRules(List.of(), List.of(HostRule.parse("127.0.0.0/8"), HostRule.parse("::1")));

        List<CheckTarget> targets = find(HTTP, Map.of("swarmwatch.http.url", "http://localhost:8080/"), denyLoopback);

        assertThat(targets).singleElement().extracting(CheckTarget::problem).asString()
                .matches("host localhost \\((127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)\\) is refused by discovery\\.deny rule (127\\.0\\.0\\.0/8|::1)");
    }

    @Test
    void aNameWhoseAddressesAreAllAllowedPassesAnAllowListOfNetworks() {
        HostRules loopbackOnly = new HostRules(List.of(HostRule.parse("127.0.0.0/8"), HostRule.parse("::1")), List.of());
        List<CheckTarget> found = found(HTTP, Map.of("swarmwatch.http.url", "http://localhost:8080/"));

        assertThat(LabelScreen.screen(HTTP, found, loopbackOnly, LabelScreen.Resolver.system()))
                .singleElement().extracting(CheckTarget::usable).isEqualTo(true);
        assertThat(LabelScreen.screen(HTTP, found, loopbackOnly, name -> List.of()))
                .singleElement().extracting(CheckTarget::problem)
                .isEqualTo("host localhost matches no discovery.allow rule (127.0.0.0/8, ::1)");
    }

    @Test
    void aNameThatDoesNotResolveIsLeftToTheProbeToReport() {
        List<CheckTarget> found = found(HTTP, Map.of("swarmwatch.http.url", "http://no-such-host.invalid/"));

        assertThat(LabelScreen.screen(HTTP, found, HostRules.defaults(), name -> List.of()))
                .singleElement().extracting(CheckTarget::usable).isEqualTo(true);
    }

    @Test
    void aLabelThatAlreadyFailedToParseKeepsItsOwnProblem() {
        List<CheckTarget> targets = find(HTTP, Map.of("swarmwatch.http.url", "file:///x", "swarmwatch.http.timeout", "soon"),
                HostRules.defaults());

        assertThat(targets).singleElement().extracting(CheckTarget::problem)
                .isEqualTo("label swarmwatch.http.timeout: expected a duration such as 500ms, 5s, 10m, 1h, got \"soon\"");
    }
}
