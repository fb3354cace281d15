package dev.swarmwatch.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.swarmwatch.agent.config.YamlNode.Entry;
import dev.swarmwatch.agent.config.YamlNode.Mapping;
import dev.swarmwatch.agent.config.YamlNode.Mark;
import dev.swarmwatch.agent.config.YamlNode.Scalar;
import dev.swarmwatch.agent.config.YamlNode.Sequence;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming parser. Databind is not
 * used because it stops at the first error and forgets where values were.
 */
final class YamlTree {
    private final YAMLFactory factory = YAMLFactory.builder().build();

    /**
     * The document's root; an empty mapping for a file with nothing but comments.
     *
     * @throws ConfigException with the one syntax problem: after it nothing else can be trusted
     */
    YamlNode parse(String text, String file) throws ConfigException {
        try (YAMLParser parser = factory.createParser(text)) {
            if (parser.nextToken() == null) {
                return Mapping.empty();
            }
            YamlNode root = read(parser);
            if (parser.nextToken() != null) {
                throw problem(file, mark(parser.currentTokenLocation()),
                        "a config file holds one YAML document, found a second one");
            }
            if (root instanceof Scalar s && s.isNull() && !s.alias()) {
                return Mapping.empty();
            }
            return root;
        } catch (StreamReadException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            // Parsing a String does no I/O; anything else is a parser bug, not a config problem.
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode read(YAMLParser parser) throws IOException {
        Mark mark = mark(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            List<Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Mark keyMark = mark(parser.currentTokenLocation());
                parser.nextToken();
                entries.add(new Entry(key, keyMark, read(parser)));
            }
            return new Mapping(mark, entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new Sequence(mark, items);
        }
        String text = parser.getText();
        boolean isNull = token == JsonToken.VALUE_NULL || (token == JsonToken.VALUE_STRING && text.isEmpty());
        return new Scalar(mark, text, isNull, parser.isCurrentAlias());
    }

    private static ConfigException syntaxError(String file, StreamReadException e) {
        // SnakeYAML knows the exact spot and the actual problem; Jackson's own location and the
        // first line of its message are often the enclosing context ("while parsing a block mapping").
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                && marked.getProblem() != null) {
            Mark at = new Mark(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
            return problem(file, at, "YAML syntax error: " + marked.getProblem().trim());
        }
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return problem(file, mark(e.getLocation()),
                "YAML syntax error: " + original.lines().findFirst().orElse("").trim());
    }

    private static ConfigException problem(String file, Mark at, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, at.line(), at.column(),
                ConfigProblem.DOCUMENT, message)));
    }

    private static Mark mark(JsonLocation location) {
        if (location == null) {
            return Mark.START;
        }
        return new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
