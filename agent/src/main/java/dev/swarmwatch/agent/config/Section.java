package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.YamlNode.Entry;
import dev.swarmwatch.agent.config.YamlNode.Mapping;
import dev.swarmwatch.agent.config.YamlNode.Scalar;
import dev.swarmwatch.agent.config.YamlNode.Sequence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping of the config after its keys are checked: duplicates, unknown keys and {@code k_file}
 * siblings are reported here once, so the binder only asks for the keys it knows.
 */
final class Section {
    static final String FILE_SUFFIX = "_file";

    private final String path;
    private final Scalars scalars;
    private final Map<String, Entry> known = new LinkedHashMap<>();
    private final Map<String, Entry> files = new LinkedHashMap<>();

    private Section(String path, Scalars scalars) {
        this.path = path;
        this.scalars = scalars;
    }

    /**
     * A mapping with a fixed set of keys, or empty when the node is no mapping (reported).
     *
     * @param keys       the valid keys; {@code null} when any key is valid (service names)
     * @param scalarKeys the keys that hold a scalar and so may be given as {@code k_file}
     * @param unknown    the message for a key that is not valid
     */
    static Optional<Section> open(YamlNode node, String path, List<String> keys, Collection<String> scalarKeys,
                                  Function<String, String> unknown, Scalars scalars) {
        Problems problems = scalars.problems();
        Section section = new Section(path, scalars);
        switch (node) {
            case Scalar s when s.alias() -> scalars.alias(s, path);
            case Scalar s when s.isNull() -> {
                return Optional.of(section);
            }
            case Scalar s -> problems.add(s.mark(), path, "expected a mapping, got a scalar");
            case Sequence s -> problems.add(s.mark(), path, "expected a mapping, got a sequence");
            case Mapping m -> {
                section.sort(m, keys, Set.copyOf(scalarKeys), unknown);
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /** Any keys, as under {@code services}: only duplicates are wrong. */
    static Optional<Section> anyKeys(YamlNode node, String path, Scalars scalars) {
        return open(node, path, null, Set.of(), key -> "", scalars);
    }

    /** Ready-made message for {@link #open}: the valid keys in schema order. */
    static Function<String, String> expectedOneOf(List<String> keys) {
        String message = "unknown key (expected one of: " + String.join(", ", keys) + ")";
        return key -> message;
    }

    private void sort(Mapping mapping, List<String> keys, Set<String> scalarKeys, Function<String, String> unknown) {
        Problems problems = scalars.problems();
        Map<String, Entry> seen = new HashMap<>();
        for (Entry entry : mapping.entries()) {
            String key = entry.key();
            String keyPath = Problems.child(path, key);
            Entry first = seen.putIfAbsent(key, entry);
            String base = key.endsWith(FILE_SUFFIX) ? key.substring(0, key.length() - FILE_SUFFIX.length()) : null;
            if (key.isBlank()) {
                // Nothing can be named by a blank key, and its path would read "checks." or "".
                problems.add(entry.keyMark(), path, "blank key: every key needs a name");
            } else if (first != null) {
                problems.add(entry.keyMark(), keyPath, "duplicate key (first at line " + first.keyMark().line() + ")");
            } else if (keys == null || keys.contains(key)) {
                known.put(key, entry);
            } else if (base != null && scalarKeys.contains(base)) {
                files.put(base, entry);
            } else {
                problems.add(entry.keyMark(), keyPath, unknown.apply(key));
            }
        }
        files.entrySet().removeIf(file -> {
            if (!known.containsKey(file.getKey())) {
                return false;
            }
            String k = file.getKey();
            problems.add(file.getValue().keyMark(), Problems.child(path, k + FILE_SUFFIX),
                    "give either " + k + " or " + k + FILE_SUFFIX + ", not both");
            return true;
        });
    }

    /** The valid entries, in document order. */
    Collection<Entry> entries() {
        return known.values();
    }

    /** The value of a key that holds a mapping. */
    Optional<YamlNode> node(String key) {
        return Optional.ofNullable(known.get(key)).map(Entry::value);
    }

    /**
     * The text of a scalar key, from {@code key} or from the file named by {@code key_file}; empty
     * when absent or broken (reported).
     *
     * @param expected what a valid value looks like, for shape problems
     */
    Optional<Scalars.Text> scalar(String key, String expected) {
        Entry literal = known.get(key);
        if (literal != null) {
            return scalars.text(literal.value(), Problems.child(path, key), expected);
        }
        Entry file = files.get(key);
        if (file != null) {
            return scalars.fromFile(file.value(), Problems.child(path, key + FILE_SUFFIX));
        }
        return Optional.empty();
    }
}
