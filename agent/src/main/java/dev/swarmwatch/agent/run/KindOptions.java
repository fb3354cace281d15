package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.AgentConfig.KindSettings;
import dev.swarmwatch.agent.config.AgentConfig.ServiceSettings;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.Options;

import java.time.Duration;

/** One kind's view of the config: defaults, then the kind-wide section, then the service's own. */
final class KindOptions implements CheckKind.OptionsLookup {
    private final CheckKind kind;
    private final AgentConfig config;
    private final Options cluster;

    KindOptions(CheckKind kind, AgentConfig config) {
        this.kind = kind;
        this.config = config;
        this.cluster = Options.defaults(kind.options()).with(kindWide().options());
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

    private KindSettings kindWide() {
        return config.checks().getOrDefault(kind.name(), KindSettings.DEFAULT);
    }

    private KindSettings own(String serviceName) {
        ServiceSettings service = config.services().get(serviceName);
        return service == null ? KindSettings.DEFAULT : service.checks().getOrDefault(kind.name(), KindSettings.DEFAULT);
    }
}
