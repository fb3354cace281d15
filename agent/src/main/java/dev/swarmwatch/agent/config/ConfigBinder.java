package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.AgentConfig.KindSettings;
import dev.swarmwatch.agent.config.AgentConfig.ServiceSettings;
import dev.swarmwatch.agent.config.AgentConfig.TargetSettings;
import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.swarm.EngineTls;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Walks a {@link YamlNode} tree against the config schema. A broken value is reported and replaced
 * by its default so that the walk goes on and finds every other problem; the result is only used
 * when nothing was reported.
 */
final class ConfigBinder {
    private static final String ENGINE = "engine";
    private static final String HOST = "host";
    private static final String TIMEOUT = "timeout";
    private static final String INTERVAL = "interval";
    private static final String CHECKS = "checks";
    private static final String SERVICES = "services";
    private static final String ENABLED = "enabled";
    private static final String IGNORE = "ignore";
    private static final String TARGETS = "targets";
    private static final String DISCOVERY = "discovery";
    private static final String CYCLE_TIMEOUT = "cycle_timeout";
    private static final String TLS = "tls";
    private static final String CA_FILE = "ca_file";
    private static final String CERT_FILE = "cert_file";
    private static final String KEY_FILE = "key_file";
    private static final String VERIFY = "verify";
    private static final List<String> TLS_KEYS = List.of(CA_FILE, CERT_FILE, KEY_FILE, VERIFY);
    private static final List<String> TOP_KEYS = Stream.concat(Stream.of(ENGINE, INTERVAL, TIMEOUT, CYCLE_TIMEOUT, CHECKS,
            SERVICES, TARGETS, DISCOVERY), AlertConfigBinder.KEYS.stream()).toList();
    private static final List<String> ENGINE_KEYS = List.of(HOST, TIMEOUT, TLS);
    private static final List<String> ENGINE_SCALARS = List.of(HOST, TIMEOUT);
    private static final String HOST_EXPECTED = "unix:///absolute/path or tcp://host:port";

    private final List<CheckKind> kinds;
    private final List<CheckKind> serviceKinds;
    private final Scalars scalars;
    private final List<NotifierKind> notifierKinds;

    ConfigBinder(List<CheckKind> kinds, Scalars scalars) {
        this(kinds, List.of(), scalars);
    }

    ConfigBinder(List<CheckKind> kinds, List<NotifierKind> notifierKinds, Scalars scalars) {
        this.notifierKinds = List.copyOf(notifierKinds);
        this.kinds = List.copyOf(kinds);
        this.serviceKinds = kinds.stream().filter(CheckKind::perService).toList();
        this.scalars = scalars;
    }

    AgentConfig bind(YamlNode root) {
        AgentConfig defaults = AgentConfig.defaults();
        Optional<Section> top = Section.open(root, "", TOP_KEYS, Set.of(INTERVAL, TIMEOUT, CYCLE_TIMEOUT, AlertConfigBinder.STATE_DIR),
                Section.expectedOneOf(TOP_KEYS), scalars);
        if (top.isEmpty()) {
            return defaults;
        }
        Section doc = top.get();
        Optional<Section> engine = doc.node(ENGINE).flatMap(n -> Section.open(n, ENGINE, ENGINE_KEYS, ENGINE_SCALARS,
                Section.expectedOneOf(ENGINE_KEYS), scalars));
        Optional<URI> host = engine.flatMap(e -> e.scalar(HOST, HOST_EXPECTED))
                .flatMap(text -> scalars.parse(text, HOST_EXPECTED, ConfigBinder::engineHost));
        Duration engineTimeout = engine.flatMap(e -> duration(e, TIMEOUT)).orElse(defaults.engineTimeout());
        Optional<EngineTls> tls = engine.flatMap(e -> e.node(TLS)).flatMap(this::tls);
        Duration interval = duration(doc, INTERVAL).orElse(defaults.interval());
        Duration checkTimeout = duration(doc, TIMEOUT).orElse(defaults.checkTimeout());
        Map<String, KindSettings> checks = doc.node(CHECKS).map(this::checks).orElse(Map.of());
        Map<String, ServiceSettings> services = doc.node(SERVICES).map(this::services).orElse(Map.of());
        Map<String, List<TargetSettings>> targets = doc.node(TARGETS)
                .map(n -> new TargetBinder(kinds, checks, scalars).bind(n, TARGETS)).orElse(Map.of());
        AgentConfig.Discovery discovery = doc.node(DISCOVERY)
                .map(n -> new DiscoveryBinder(kinds, scalars).bind(n, DISCOVERY)).orElse(AgentConfig.Discovery.DEFAULT);
        AlertsConfig alerts = new AlertConfigBinder(notifierKinds, scalars).bind(doc);
        Optional<Duration> cycleTimeout = duration(doc, CYCLE_TIMEOUT);
        return new AgentConfig(host, engineTimeout, interval, checkTimeout, checks, services, targets, discovery, alerts, tls,
                cycleTimeout);
    }

    /** engine.tls: each file read and parsed, each problem at its key. */
    private Optional<EngineTls> tls(YamlNode node) {
        String path = Problems.child(ENGINE, TLS);
        return Section.open(node, path, TLS_KEYS, Set.of(), Section.expectedOneOf(TLS_KEYS), scalars).flatMap(section -> {
            Problems problems = scalars.problems();
            boolean verify = typed(section, VERIFY, OptionType.BOOLEAN).map(Boolean.class::cast).orElse(true);
            Optional<Scalars.Text> ca = section.scalar(CA_FILE, "a file path");
            Optional<Scalars.Text> cert = section.scalar(CERT_FILE, "a file path");
            Optional<Scalars.Text> key = section.scalar(KEY_FILE, "a file path");
            boolean ok = true;
            if (verify && ca.isEmpty()) {
                problems.add(node.mark(), path, "ca_file is needed to verify the engine's certificate"
                        + " (or verify: false, which trusts any engine)");
                ok = false;
            }
            if (!verify && ca.isPresent()) {
                problems.add(ca.get().mark(), ca.get().path(), "has no use with verify: false; remove one of them");
                ok = false;
            }
            if (cert.isPresent() != key.isPresent()) {
                problems.add(node.mark(), path, "cert_file and key_file go together: give both or neither");
                ok = false;
            }
            Optional<List<java.security.cert.X509Certificate>> trusted = ca.flatMap(t -> parseFile(t,
                    EngineTlsFiles::certificates));
            Optional<EngineTls.ClientKey> client = Optional.empty();
            if (cert.isPresent() && key.isPresent()) {
                Optional<List<java.security.cert.X509Certificate>> chain = parseFile(cert.get(), EngineTlsFiles::certificates);
                Optional<java.security.PrivateKey> privateKey = parseFile(key.get(), EngineTlsFiles::privateKey);
                if (chain.isPresent() && privateKey.isPresent()) {
                    client = parseFile(key.get(), f -> EngineTlsFiles.clientKey(scalars.resolve(cert.get().value()), f));
                }
                ok &= client.isPresent();
            }
            if (!ok || (ca.isPresent() && trusted.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new EngineTls(trusted.orElse(List.of()),
                    ca.map(t -> scalars.resolve(t.value())), client, verify));
        });
    }

    private <T> Optional<T> parseFile(Scalars.Text text, Function<java.nio.file.Path, T> parser) {
        if (text.value().isBlank()) {
            scalars.problems().add(text.mark(), text.path(), "expected a file path, got an empty value");
            return Optional.empty();
        }
        return scalars.parse(text, "a PEM file", name -> parser.apply(scalars.resolve(name)));
    }

    private Map<String, KindSettings> checks(YamlNode node) {
        List<String> names = kinds.stream().map(CheckKind::name).toList();
        String unknown = "unknown check kind (known: " + String.join(", ", names) + ")";
        Map<String, KindSettings> checks = new LinkedHashMap<>();
        Section.open(node, CHECKS, names, Set.of(), key -> unknown, scalars).ifPresent(section -> {
            for (CheckKind kind : kinds) {
                section.node(kind.name())
                        .flatMap(n -> kindSettings(n, Problems.child(CHECKS, kind.name()), kind))
                        .ifPresent(settings -> checks.put(kind.name(), settings));
            }
        });
        return checks;
    }

    private Map<String, ServiceSettings> services(YamlNode node) {
        Map<String, ServiceSettings> services = new LinkedHashMap<>();
        Section.anyKeys(node, SERVICES, scalars).ifPresent(section -> section.entries().forEach(entry ->
                service(entry.value(), Problems.child(SERVICES, entry.key()))
                        .ifPresent(settings -> services.put(entry.key(), settings))));
        return services;
    }

    private Optional<ServiceSettings> service(YamlNode node, String path) {
        List<String> keys = Stream.concat(Stream.of(IGNORE), serviceKinds.stream().map(CheckKind::name)).toList();
        Set<String> clusterKinds = Set.copyOf(kinds.stream()
                .filter(k -> !k.perService() && !k.declared()).map(CheckKind::name).toList());
        Set<String> declaredKinds = Set.copyOf(kinds.stream().filter(CheckKind::declared).map(CheckKind::name).toList());
        Function<String, String> otherKeys = Section.expectedOneOf(keys);
        Function<String, String> unknown = key -> clusterKinds.contains(key)
                ? key + " is a cluster-wide check and cannot be set per service"
                : declaredKinds.contains(key)
                ? key + " checks are declared under targets." + key + " (with service: " + path.substring(path.lastIndexOf('.') + 1)
                + ") or with swarmwatch." + key + ".* labels on the service"
                : otherKeys.apply(key);
        return Section.open(node, path, keys, Set.of(IGNORE), unknown, scalars).map(section -> {
            boolean ignore = typed(section, IGNORE, OptionType.BOOLEAN).map(Boolean.class::cast).orElse(false);
            Map<String, KindSettings> checks = new LinkedHashMap<>();
            for (CheckKind kind : serviceKinds) {
                section.node(kind.name())
                        .flatMap(n -> kindSettings(n, Problems.child(path, kind.name()), kind))
                        .ifPresent(settings -> checks.put(kind.name(), settings));
            }
            return new ServiceSettings(ignore, checks);
        });
    }

    private Optional<KindSettings> kindSettings(YamlNode node, String path, CheckKind kind) {
        List<String> keys = Stream.concat(Stream.of(ENABLED), kind.options().stream().map(OptionSpec::name)).toList();
        return Section.open(node, path, keys, keys, Section.expectedOneOf(keys), scalars).map(section -> {
            boolean enabled = typed(section, ENABLED, OptionType.BOOLEAN).map(Boolean.class::cast).orElse(true);
            Map<String, Object> options = new LinkedHashMap<>();
            Map<String, Scalars.Text> written = new LinkedHashMap<>();
            for (OptionSpec spec : kind.options()) {
                section.scalar(spec.name(), spec.type().expected()).ifPresent(text ->
                        scalars.parse(text, spec.type().expected(), spec.type()::parse).ifPresent(value -> {
                            options.put(spec.name(), value);
                            written.put(spec.name(), text);
                        }));
            }
            // Kind-wide values of declared kinds are checked here, once, not in every target that inherits them.
            new ValueCheck(scalars.problems()).check(kind, Options.defaults(kind.options()).with(options), written,
                    Set.of(), node.mark(), path, false);
            return new KindSettings(enabled, options);
        });
    }

    Optional<Object> typed(Section section, String key, OptionType type) {
        return section.scalar(key, type.expected()).flatMap(text -> scalars.parse(text, type.expected(), type::parse));
    }

    private Optional<Duration> duration(Section section, String key) {
        return typed(section, key, OptionType.DURATION).map(Duration.class::cast);
    }

    /** Only what the Docker client can dial: a local socket or plain TCP, as in DOCKER_HOST. */
    static URI engineHost(String text) {
        IllegalArgumentException invalid = new IllegalArgumentException(
                "expected " + HOST_EXPECTED + ", got \"" + text + "\"");
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalid;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw invalid;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean unix = "unix".equals(uri.getScheme()) && uri.getRawAuthority() == null
                && path.length() > 1 && path.startsWith("/");
        // getHost() is null for names java.net.URI cannot parse as a server (an underscore, say),
        // and the Docker client needs it, so those are refused here rather than at the first call.
        boolean tcp = "tcp".equals(uri.getScheme()) && uri.getHost() != null
                && uri.getPort() >= 1 && uri.getPort() <= 65535 && (path.isEmpty() || path.equals("/"));
        if (!unix && !tcp) {
            throw invalid;
        }
        return uri;
    }
}
