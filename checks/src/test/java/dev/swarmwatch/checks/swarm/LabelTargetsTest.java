package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Replica;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.swarmwatch.checks.swarm.Fixtures.NOW;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

class LabelTargetsTest {
    private static final DeclaredKind ENDPOINT = new DeclaredKind() {
        @Override
        public String name() {
            return "endpoint";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.required("url", OptionType.STRING, "where"),
                    new OptionSpec(TIMEOUT, OptionType.DURATION, Duration.ofSeconds(5), "deadline"));
        }

        @Override
        public List<PlannedCheck> checks(CheckTarget target) {
            return List.of();
        }
    };
    private static final Options DEFAULTS = Options.defaults(ENDPOINT.options());

    private static SwarmService service(String name, Map<String, String> labels) {
        return new SwarmService("svc-" + name, name, "shop", "replicated", 2, OptionalInt.empty(), OptionalInt.empty(),
                "", "", labels);
    }

    private static SwarmTask running(String service, int slot, String address) {
        return new SwarmTask("t" + slot, "svc-" + service, slot, "n1", "running", "running", "", "", OptionalInt.empty(),
                NOW, address);
    }

    private static SwarmSnapshot.Available swarm(List<SwarmService> services, List<SwarmTask> tasks) {
        EngineInfo info = new EngineInfo("active", true, "n1", 1, 1, "", "20.10");
        return new SwarmSnapshot.Available(info, List.of(worker("n1", "ready", "active")), services, tasks, NOW);
    }

    @Test
    void labelsDeclareATargetNamedAfterTheServiceWithItsRunningReplicas() {
        SwarmSnapshot.Available s = swarm(
                List.of(service("web", Map.of("swarmwatch.endpoint.url", "http://{{address}}:8080/",
                        "swarmwatch.endpoint.timeout", "2s", "com.docker.stack.namespace", "shop"))),
                List.of(running("web", 2, "10.0.1.7"), running("web", 1, "10.0.1.6")));
        List<CheckTarget> targets = LabelTargets.find(s, ENDPOINT, DEFAULTS);
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("web");
            assertThat(t.usable()).isTrue();
            assertThat(t.subject().stack()).isEqualTo("shop");
            assertThat(t.options().string("url")).isEqualTo("http://{{address}}:8080/");
            assertThat(t.options().duration("timeout")).isEqualTo(Duration.ofSeconds(2));
            assertThat(t.replicas()).containsExactly(new Replica(1, "10.0.1.6", "host-n1"), new Replica(2, "10.0.1.7", "host-n1"));
        });
    }

    @Test
    void namedLabelsDeclareSeveralTargetsPerService() {
        SwarmSnapshot.Available s = swarm(List.of(service("web", Map.of(
                "swarmwatch.endpoint.api.url", "http://a/", "swarmwatch.endpoint.docs.url", "http://d/"))), List.of());
        assertThat(LabelTargets.find(s, ENDPOINT, DEFAULTS)).extracting(CheckTarget::name).containsExactly("web.api", "web.docs");
    }

    @Test
    void badLabelsMakeTheTargetUnusableWithTheLabelNamed() {
        SwarmSnapshot.Available s = swarm(List.of(service("web", Map.of(
                "swarmwatch.endpoint.timeout", "fast", "swarmwatch.endpoint.colour", "red"))), List.of());
        CheckTarget t = LabelTargets.find(s, ENDPOINT, DEFAULTS).get(0);
        assertThat(t.usable()).isFalse();
        assertThat(t.origin()).isEqualTo("labels of service web");
        assertThat(t.problem().split("; ")).containsExactlyInAnyOrder(
                "label swarmwatch.endpoint.timeout: expected a duration such as 500ms, 5s, 10m, 1h, got \"fast\"",
                "unknown label swarmwatch.endpoint.colour (options: url, timeout)",
                "missing label swarmwatch.endpoint.url");
    }

    @Test
    void servicesWithoutLabelsDeclareNothingAndConfiguredTargetsFindTheirService() {
        SwarmSnapshot.Available s = swarm(List.of(service("db", Map.of("com.docker.stack.namespace", "shop"))),
                List.of(running("db", 1, "")));
        assertThat(LabelTargets.find(s, ENDPOINT, DEFAULTS)).isEmpty();
        CheckTarget configured = LabelTargets.configured("db-health", "db", DEFAULTS, Optional.of(s));
        assertThat(configured.subject().name()).isEqualTo("db");
        assertThat(configured.replicas()).containsExactly(new Replica(1, "", "host-n1"));
        assertThat(LabelTargets.configured("ext", "", DEFAULTS, Optional.empty()).subject().cluster()).isTrue();
    }
}
