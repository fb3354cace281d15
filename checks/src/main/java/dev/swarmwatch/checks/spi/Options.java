package dev.swarmwatch.checks.spi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resolved option values of one check: the kind's defaults, overridden by the config file's
 * kind-wide section, overridden by the service's or target's own. Values are already validated;
 * options without a default are absent until given.
 */
public final class Options {
    private final Set<String> known;
    private final Map<String, Object> values;

    private Options(Set<String> known, Map<String, Object> values) {
        this.known = Set.copyOf(known);
        this.values = Map.copyOf(values);
    }

    public static Options defaults(List<OptionSpec> specs) {
        Map<String, Object> values = new LinkedHashMap<>();
        specs.stream().filter(s -> s.defaultValue() != null).forEach(s -> values.put(s.name(), s.defaultValue()));
        return new Options(specs.stream().map(OptionSpec::name).collect(Collectors.toSet()), values);
    }

    /** These options with some values replaced; every key must be one this kind declares. */
    public Options with(Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        overrides.forEach((k, v) -> {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown option " + k);
            }
            merged.put(k, v);
        });
        return new Options(known, merged);
    }

    /** Whether the kind declares an option of this name, given or not. */
    public boolean declares(String name) {
        return known.contains(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public int integer(String name) {
        return (Integer) get(name);
    }

    public Duration duration(String name) {
        return (Duration) get(name);
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public String string(String name) {
        return (String) get(name);
    }

    public Status status(String name) {
        return (Status) get(name);
    }

    /** An option without a default, typed by the caller: empty when not given. */
    public <T> Optional<T> find(String name, Class<T> type) {
        if (!known.contains(name)) {
            throw new IllegalArgumentException("no option " + name);
        }
        return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(known.contains(name) ? "option " + name + " not given" : "no option " + name);
        }
        return v;
    }
}
