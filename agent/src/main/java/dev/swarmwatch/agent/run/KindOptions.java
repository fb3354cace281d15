package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.AgentConfig.KindSettings;
import dev.swarmwatch.agent.config.AgentConfig.ServiceSettings;
import dev.swarmwatch.agent.config.AgentConfig.TargetSettings;
import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.swarm.LabelScreen;
import dev.swarmwatch.checks.swarm.LabelTargets;
import dev.swarmwatch.checks.swarm.SwarmSnapshot;
import dev.swarmwatch.checks.swarm.SwarmSource;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One kind's view of the config: defaults, then the kind-wide section, then the service's or
 * target's own. Declared kinds get their targets from the config and from service labels, read
 * from the cycle's one Swarm snapshot.
 */
final class KindOptions implements CheckKind.OptionsLookup {
    private final CheckKind kind;
    private final AgentConfig config;
    private final Options cluster;
    private final SwarmSource swarm;

    KindOptions(CheckKind kind, AgentConfig config, SwarmSource swarm) {
        this.kind = kind;
        this.config = config;
        this.cluster = Options.defaults(kind.options()).with(kindWide().options());
        this.swarm = swarm;
    }

    boolean enabled() {
        return kindWide().enabled();
    }

    @Override
    public Options cluster() {
        return cluster;
    }

    @Override
    public Options service(String serviceName) {
        return cluster.with(own(serviceName).options());
    }

    @Override
    public boolean ignored(String serviceName) {
        ServiceSettings service = config.services().get(serviceName);
        return service != null && (service.ignore() || !own(serviceName).enabled());
    }

    @Override
    public Duration timeout() {
        return config.checkTimeout();
    }

    @Override
    public Future<List<CheckTarget>> targets(CheckContext context) {
        List<TargetSettings> configured = config.targets().getOrDefault(kind.name(), List.of());
        AgentConfig.Discovery discovery = config.discovery();
        return swarm.snapshot(context).compose(snapshot -> {
            Optional<SwarmSnapshot.Available> available = snapshot instanceof SwarmSnapshot.Available a
                    ? Optional.of(a) : Optional.empty();
            List<CheckTarget> targets = new ArrayList<>();
            for (TargetSettings t : configured) {
                targets.add(LabelTargets.configured(t.name(), t.service(), cluster.with(t.options()), available));
            }
            List<CheckTarget> labelled = available.filter(a -> discovery.labels(kind.name()))
                    .map(a -> LabelTargets.find(a, kind, cluster).stream()
                            .filter(t -> !ignored(t.subject().name())).toList())
                    .orElse(List.of());
            return LabelScreen.screened(context, kind, labelled, discovery.hosts()).map(screened -> {
                targets.addAll(screened);
                return targets;
            });
        });
    }

    private KindSettings kindWide() {
        return config.checks().getOrDefault(kind.name(), KindSettings.DEFAULT);
    }

    private KindSettings own(String serviceName) {
        ServiceSettings service = config.services().get(serviceName);
        return service == null ? KindSettings.DEFAULT : service.checks().getOrDefault(kind.name(), KindSettings.DEFAULT);
    }
}
