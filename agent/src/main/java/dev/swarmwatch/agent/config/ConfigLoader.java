package dev.swarmwatch.agent.config;

import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.OptionSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a swarmwatch YAML config file into an {@link AgentConfig}, strictly: unknown keys are
 * errors, and every problem in the file is reported at once with its line, column and key path.
 *
 * <p>Values may use {@code ${VAR}} and {@code ${VAR:-default}} from the given environment, and any
 * scalar key {@code k} may instead be given as {@code k_file: /path}, read from that file as Docker
 * secrets are. Relative {@code _file} paths are relative to the config file's directory.
 */
public final class ConfigLoader {
    private final List<CheckKind> kinds;
    private final Map<String, String> environment;
    private final List<NotifierKind> notifierKinds;

    /**
     * @param kinds       the registered check kinds, in the order messages list them
     * @param environment what {@code ${VAR}} reads; the CLI passes {@code System.getenv()}
     */
    public ConfigLoader(List<CheckKind> kinds, Map<String, String> environment) {
        this(kinds, List.of(), environment);
    }

    /** @param notifierKinds the registered receiver kinds, which {@code receivers.<name>} may use */
    public ConfigLoader(List<CheckKind> kinds, List<NotifierKind> notifierKinds, Map<String, String> environment) {
        this.notifierKinds = List.copyOf(notifierKinds);
        if (notifierKinds.stream().map(NotifierKind::name).distinct().count() != notifierKinds.size()) {
            throw new IllegalArgumentException("a receiver kind is registered twice");
        }
        this.kinds = List.copyOf(kinds);
        this.environment = Map.copyOf(environment);
        checkKindsFitTheSchema(this.kinds);
    }

    /** Reads and validates; every problem at once. */
    public AgentConfig load(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = BoundedFile.read(file, BoundedFile.CONFIG_LIMIT);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(name, 1, 1, ConfigProblem.DOCUMENT,
                    "cannot read " + name + ": " + Scalars.reason(e))));
        }
        YamlNode root = new YamlTree().parse(text, name);
        Problems problems = new Problems(name);
        Scalars scalars = new Scalars(problems, new Expander(environment), file.getParent());
        AgentConfig config = new ConfigBinder(kinds, notifierKinds, scalars).bind(root);
        problems.throwIfAny();
        return config;
    }

    /** A kind that would shadow a schema key would make some config unwritable; fail at startup instead. */
    private static void checkKindsFitTheSchema(List<CheckKind> kinds) {
        Set<String> names = new HashSet<>();
        for (CheckKind kind : kinds) {
            if (!names.add(kind.name())) {
                throw new IllegalArgumentException("check kind registered twice: " + kind.name());
            }
            if (kind.name().equals("ignore")) {
                throw new IllegalArgumentException("a check kind cannot be named ignore: it is a service key");
            }
            for (OptionSpec option : kind.options()) {
                if (option.name().equals("enabled")) {
                    throw new IllegalArgumentException("check kind " + kind.name()
                            + " declares an option named enabled, which every kind already has");
                }
            }
        }
    }
}
