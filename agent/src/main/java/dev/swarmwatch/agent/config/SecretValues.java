package dev.swarmwatch.agent.config;

import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.notify.NotifierKind;

import dev.swarmwatch.agent.config.AgentConfig.KindSettings;
import dev.swarmwatch.agent.config.AgentConfig.ServiceSettings;
import dev.swarmwatch.agent.config.AgentConfig.TargetSettings;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.UrlCredentials;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values a loaded config holds, for the redactor: every option its spec marks
 * {@link OptionSpec#secret()} (given inline, through {@code ${VAR}} or as {@code k_file}), the
 * credential part of an authorization value ("Bearer <token>"), and, in any text option, URL
 * credentials and the values of secret-looking header lines ({@code X-Api-Key: ...}). Any other
 * config section with option specs adds its own with {@link #of(List, Map)}.
 */
public final class SecretValues {
    private static final Pattern SCHEME_AND_CREDENTIAL = Pattern.compile("(?i)^(?:bearer|basic|token|digest)\\s+(\\S+)$");
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?im)^\\s*[A-Za-z0-9-]*(?:token|secret|key|auth|passw|cookie|session)[A-Za-z0-9-]*\\s*:\\s*(.+?)\\s*$");

    private SecretValues() {
    }

    /**
     * Every secret of the config's checks, services, targets and receivers (a Slack webhook URL is
     * itself a secret), given the kinds' option specs.
     */
    public static Set<String> of(AgentConfig config, List<CheckKind> kinds, List<NotifierKind> notifierKinds) {
        Set<String> found = new LinkedHashSet<>();
        for (CheckKind kind : kinds) {
            List<OptionSpec> specs = kind.options();
            KindSettings wide = config.checks().get(kind.name());
            if (wide != null) {
                found.addAll(of(specs, wide.options()));
            }
            for (ServiceSettings service : config.services().values()) {
                KindSettings own = service.checks().get(kind.name());
                if (own != null) {
                    found.addAll(of(specs, own.options()));
                }
            }
            for (TargetSettings target : config.targets().getOrDefault(kind.name(), List.of())) {
                found.addAll(of(specs, target.options()));
            }
        }
        for (ReceiverConfig receiver : config.alerts().receivers().values()) {
            notifierKinds.stream().filter(k -> k.name().equals(receiver.kind())).findFirst().ifPresent(kind -> {
                Map<String, Object> values = new java.util.LinkedHashMap<>();
                kind.options().forEach(spec -> receiver.options().find(spec.name(), Object.class)
                        .ifPresent(v -> values.put(spec.name(), v)));
                found.addAll(of(kind.options(), values));
            });
        }
        return found;
    }

    /** The secrets among option values bound against these specs. */
    public static Set<String> of(List<OptionSpec> specs, Map<String, Object> options) {
        Set<String> found = new LinkedHashSet<>();
        for (OptionSpec spec : specs) {
            if (options.get(spec.name()) instanceof String text && !text.isEmpty()) {
                if (spec.secret()) {
                    found.add(text);
                    found.add(text.strip());
                    Matcher m = SCHEME_AND_CREDENTIAL.matcher(text.strip());
                    if (m.matches()) {
                        found.add(m.group(1));
                    }
                }
                found.addAll(UrlCredentials.find(text));
                Matcher header = SECRET_HEADER.matcher(text);
                while (header.find()) {
                    String value = header.group(1);
                    found.add(value);
                    Matcher m = SCHEME_AND_CREDENTIAL.matcher(value);
                    if (m.matches()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        found.removeIf(String::isBlank);
        return found;
    }
}
