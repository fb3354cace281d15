package dev.swarmwatch.agent.config;

import java.util.List;
import java.util.Objects;

/**
 * The part of a YAML document the config binder needs: its shape, each value's text as written, and
 * where every key and value is, so that problems can point at them.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    Mark mark();

    /** 1-based position in the file. */
    record Mark(int line, int column) {
        static final Mark START = new Mark(1, 1);

        public Mark {
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("positions are 1-based, got " + line + ":" + column);
            }
        }
    }

    /** Entries in document order; duplicate keys are kept so that the binder can report them. */
    record Mapping(Mark mark, List<Entry> entries) implements YamlNode {
        static Mapping empty() {
            return new Mapping(Mark.START, List.of());
        }

        public Mapping {
            Objects.requireNonNull(mark, "mark");
            entries = List.copyOf(entries);
        }
    }

    record Entry(String key, Mark keyMark, YamlNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyMark, "keyMark");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A list, as under {@code targets.<kind>}. */
    record Sequence(Mark mark, List<YamlNode> items) implements YamlNode {
        public Sequence {
            Objects.requireNonNull(mark, "mark");
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar as the user wrote it. Values are kept as text rather than YAML's guessed types so that
     * each option's own parser decides (no {@code yes} turning into true, no {@code 010} into 8).
     *
     * @param isNull an empty value, {@code ~} or {@code null}: where a mapping is expected, "no overrides"
     * @param alias  an alias ({@code *name}); {@code text} is then the anchor's name, not a value
     */
    record Scalar(Mark mark, String text, boolean isNull, boolean alias) implements YamlNode {
        public Scalar {
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(text, "text");
        }
    }
}
