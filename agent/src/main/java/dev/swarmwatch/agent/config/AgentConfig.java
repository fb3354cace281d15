package dev.swarmwatch.agent.config;

import dev.swarmwatch.checks.swarm.EngineTls;
import dev.swarmwatch.checks.swarm.HostRules;
import dev.swarmwatch.alerts.config.AlertsConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration. Absent sections take the defaults of {@link #defaults()}, which is
 * also what zero-config runs use.
 *
 * @param engineHost    the Docker engine to ask; empty means DOCKER_HOST, else /var/run/docker.sock
 * @param engineTimeout bound of every Docker API call
 * @param interval      time between cycles of the daemon and the dashboard
 * @param checkTimeout  default deadline of every check
 * @param checks        per kind: its kind-wide settings
 * @param services      per service name: its overrides
 * @param targets       per declared kind (http, postgres, ...): its targets, in file order
 * @param discovery     what service labels may declare
 * @param alerts        state_dir, receivers, rules, routes, inhibit_rules, time_intervals
 * @param cycleTimeout  the deadline of a whole cycle; empty: the largest check timeout plus engine.timeout
 * @param engineTls     TLS to a tcp:// engine (engine.tls, else DOCKER_TLS_VERIFY and DOCKER_CERT_PATH)
 */
public record AgentConfig(Optional<URI> engineHost, Duration engineTimeout, Duration interval,
                          Duration checkTimeout, Map<String, KindSettings> checks,
                          Map<String, ServiceSettings> services, Map<String, List<TargetSettings>> targets,
                          Discovery discovery, AlertsConfig alerts, Optional<EngineTls> engineTls,
                          Optional<Duration> cycleTimeout) {

    public static final Duration DEFAULT_ENGINE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);

    public AgentConfig {
        Objects.requireNonNull(engineHost, "engineHost");
        Objects.requireNonNull(engineTimeout, "engineTimeout");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        checks = Map.copyOf(checks);
        services = Map.copyOf(services);
        targets = Map.copyOf(targets);
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(engineTls, "engineTls");
        Objects.requireNonNull(cycleTimeout, "cycleTimeout");
    }

    public static AgentConfig defaults() {
        return new AgentConfig(Optional.empty(), DEFAULT_ENGINE_TIMEOUT, DEFAULT_INTERVAL,
                DEFAULT_CHECK_TIMEOUT, Map.of(), Map.of(), Map.of(),
                Discovery.DEFAULT, AlertsConfig.none(), Optional.empty(), Optional.empty());
    }

    public AgentConfig withEngineHost(URI host) {
        return new AgentConfig(Optional.of(host), engineTimeout, interval, checkTimeout, checks, services, targets, discovery, alerts, engineTls, cycleTimeout);
    }

    public AgentConfig withEngineTimeout(Duration timeout) {
        return new AgentConfig(engineHost, timeout, interval, checkTimeout, checks, services, targets, discovery, alerts, engineTls, cycleTimeout);
    }

    public AgentConfig withEngineTls(Optional<EngineTls> tls) {
        return new AgentConfig(engineHost, engineTimeout, interval, checkTimeout, checks, services, targets, discovery, alerts, tls, cycleTimeout);
    }

    public AgentConfig withTargets(String kind, List<TargetSettings> declared) {
        Map<String, List<TargetSettings>> all = new java.util.LinkedHashMap<>(targets);
        all.put(kind, declared);
        return new AgentConfig(engineHost, engineTimeout, interval, checkTimeout, checks, services, all, discovery, alerts, engineTls, cycleTimeout);
    }

    /**
     * One declared target.
     *
     * @param name    unique within its kind
     * @param service the service it belongs to ("" for none): its report group, and its replicas
     * @param options option values already parsed to their types
     */
    public record TargetSettings(String name, String service, Map<String, Object> options) {
        public TargetSettings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(service, "service");
            options = Map.copyOf(options);
        }
    }

    /**
     * A kind's settings, kind-wide or for one service.
     *
     * @param enabled whether the kind runs (here)
     * @param options option values already parsed to their {@link dev.swarmwatch.checks.spi.OptionType}
     */
    public record KindSettings(boolean enabled, Map<String, Object> options) {
        public static final KindSettings DEFAULT = new KindSettings(true, Map.of());

        public KindSettings {
            options = Map.copyOf(options);
        }
    }

    /**
     * One service's overrides.
     *
     * @param ignore skip every check of this service
     * @param checks per kind: this service's settings
     */
    public record ServiceSettings(boolean ignore, Map<String, KindSettings> checks) {
        public ServiceSettings {
            checks = Map.copyOf(checks);
        }
    }

    /**
     * Targets from service labels: which kinds read them, and which hosts they may point at.
     *
     * @param labels per declared kind: whether its {@code swarmwatch.<kind>.*} labels are read; absent kinds are
     * @param hosts  the allow and deny rules every label-declared target's hosts must pass
     */
    public record Discovery(Map<String, Boolean> labels, HostRules hosts) {
        public static final Discovery DEFAULT = new Discovery(Map.of(), HostRules.defaults());

        public Discovery {
            labels = Map.copyOf(labels);
            Objects.requireNonNull(hosts, "hosts");
        }

        public boolean labels(String kind) {
            return labels.getOrDefault(kind, true);
        }
    }
}
