package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.YamlNode.Mapping;
import dev.swarmwatch.agent.config.YamlNode.Scalar;
import dev.swarmwatch.agent.config.YamlNode.Sequence;
import dev.swarmwatch.checks.spi.OptionType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The value shapes of the alerting sections: lists of scalars or of mappings, durations that may be 0. */
final class AlertValues {
    static final String DURATION_OR_ZERO = "a duration such as 0s, 30s, 5m, 1h";

    private final Scalars scalars;

    AlertValues(Scalars scalars) {
        this.scalars = scalars;
    }

    Scalars scalars() {
        return scalars;
    }

    /** A scalar or a list of scalars, each parsed; a broken item is reported and left out. */
    <T> List<T> list(Section section, String key, String path, String expected, Function<String, T> parser) {
        List<T> values = new ArrayList<>();
        section.node(key).ifPresent(node -> {
            String at = Problems.child(path, key);
            switch (node) {
                case Sequence seq -> {
                    for (int i = 0; i < seq.items().size(); i++) {
                        scalars.text(seq.items().get(i), at + "[" + i + "]", expected)
                                .flatMap(t -> scalars.parse(t, expected, parser)).ifPresent(values::add);
                    }
                }
                case Scalar s when s.isNull() && !s.alias() -> {
                    // an empty list
                }
                default -> scalars.text(node, at, expected).flatMap(t -> scalars.parse(t, expected, parser))
                        .ifPresent(values::add);
            }
        });
        return values;
    }

    /** A list of mappings: each item with its path ({@code key[i]}); anything else is reported. */
    void items(YamlNode node, String path, String what, BiConsumer<YamlNode, String> each) {
        switch (node) {
            case Sequence seq -> {
                for (int i = 0; i < seq.items().size(); i++) {
                    each.accept(seq.items().get(i), path + "[" + i + "]");
                }
            }
            case Scalar s when s.isNull() && !s.alias() -> {
                // an empty list
            }
            case Mapping m -> scalars.problems().add(m.mark(), path, "expected a list of " + what + ", got a mapping");
            case Scalar s -> scalars.problems().add(s.mark(), path, "expected a list of " + what + ", got a scalar");
        }
    }

    <T> Optional<T> scalar(Section section, String key, String expected, Function<String, T> parser) {
        return section.scalar(key, expected).flatMap(t -> scalars.parse(t, expected, parser));
    }

    Optional<Duration> duration(Section section, String key) {
        return scalar(section, key, DURATION_OR_ZERO, AlertValues::durationOrZero);
    }

    Optional<Boolean> bool(Section section, String key) {
        return scalar(section, key, OptionType.BOOLEAN.expected(), t -> (Boolean) OptionType.BOOLEAN.parse(t));
    }

    static Duration durationOrZero(String text) {
        String t = text.trim();
        if (t.matches("0+(ms|s|m|h|d)?")) {
            return Duration.ZERO;
        }
        try {
            return (Duration) OptionType.DURATION.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + DURATION_OR_ZERO + ", got \"" + text + "\"");
        }
    }
}
