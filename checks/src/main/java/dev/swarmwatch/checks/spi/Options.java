package dev.swarmwatch.checks.spi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved option values of one check: the kind's defaults, overridden by the config file's
 * kind-wide section, overridden by the service's own section. Values are already validated.
 */
public final class Options {
    private final Map<String, Object> values;

    private Options(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static Options defaults(List<OptionSpec> specs) {
        Map<String, Object> values = new LinkedHashMap<>();
        specs.forEach(s -> values.put(s.name(), s.defaultValue()));
        return new Options(values);
    }

    /** These options with some values replaced; every key must be one this kind declares. */
    public Options with(Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        overrides.forEach((k, v) -> {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException("unknown option " + k);
            }
            merged.put(k, v);
        });
        return new Options(merged);
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

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no option " + name);
        }
        return v;
    }
}
