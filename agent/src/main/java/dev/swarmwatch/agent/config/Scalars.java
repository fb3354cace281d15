package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.YamlNode.Mapping;
import dev.swarmwatch.agent.config.YamlNode.Mark;
import dev.swarmwatch.agent.config.YamlNode.Scalar;
import dev.swarmwatch.agent.config.YamlNode.Sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns scalar nodes into final text (environment variables expanded, {@code _file} secrets read)
 * and that text into values, reporting what goes wrong instead of throwing.
 */
final class Scalars {
    private final Problems problems;
    private final Expander expander;
    private final Path baseDir;

    /** @param baseDir where relative {@code _file} paths point from: the config file's directory */
    Scalars(Problems problems, Expander expander, Path baseDir) {
        this.problems = problems;
        this.expander = expander;
        this.baseDir = baseDir;
    }

    /**
     * A value ready to parse.
     *
     * @param secretFile where the value was read from; set, the value must never appear in a message
     */
    record Text(String value, Mark mark, String path, Optional<Path> secretFile) {
        Text {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(secretFile, "secretFile");
        }
    }

    Problems problems() {
        return problems;
    }

    /** @param expected what a valid value looks like, for "expected ..., got a mapping" */
    Optional<Text> text(YamlNode node, String path, String expected) {
        switch (node) {
            case Mapping m -> problems.add(m.mark(), path, "expected " + expected + ", got a mapping");
            case Sequence s -> problems.add(s.mark(), path, "expected " + expected + ", got a sequence");
            case Scalar s when s.alias() -> alias(s, path);
            case Scalar s -> {
                Expander.Expanded expanded = expander.expand(s.text());
                expanded.problems().forEach(p -> problems.add(s.mark(), path, p));
                return expanded.ok() ? Optional.of(new Text(expanded.text(), s.mark(), path, Optional.empty()))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The value of {@code k} from the file named by {@code k_file}, Docker-secret style. */
    Optional<Text> fromFile(YamlNode pathNode, String path) {
        return text(pathNode, path, "a file path").flatMap(name -> {
            if (name.value().isBlank()) {
                problems.add(name.mark(), path, "expected a file path, got an empty value");
                return Optional.empty();
            }
            Path file = baseDir == null ? Path.of(name.value()) : baseDir.resolve(name.value());
            try {
                String content = BoundedFile.read(file, BoundedFile.SECRET_LIMIT);
                // Secrets written with echo end in a newline that is no part of the value.
                int end = content.length();
                while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                    end--;
                }
                return Optional.of(new Text(content.substring(0, end), name.mark(), path, Optional.of(file)));
            } catch (IOException e) {
                problems.add(name.mark(), path, "cannot read " + file + ": " + reason(e));
                return Optional.empty();
            }
        });
    }

    /**
     * Parses with a parser whose {@link IllegalArgumentException} message is fit for the user; for
     * secrets a generic message replaces it, since parsers quote the text they reject.
     */
    <T> Optional<T> parse(Text text, String expected, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text.value()));
        } catch (IllegalArgumentException e) {
            problems.add(text.mark(), text.path(), text.secretFile()
                    .map(f -> "content of " + f + " is not " + expected)
                    .orElse(e.getMessage()));
            return Optional.empty();
        }
    }

    /** A path as written in the config: relative ones from the config file's directory. */
    Path resolve(String name) {
        return baseDir == null ? Path.of(name) : baseDir.resolve(name);
    }

    void alias(Scalar s, String path) {
        problems.add(s.mark(), path, "YAML aliases are not supported (*" + s.text() + ")");
    }

    static String reason(IOException e) {
        return BoundedFile.reason(e);
    }
}
