package dev.swarmwatch.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.swarmwatch.agent.config.YamlNode.Entry;
import dev.swarmwatch.agent.config.YamlNode.Mapping;
import dev.swarmwatch.agent.config.YamlNode.Mark;
import dev.swarmwatch.agent.config.YamlNode.Scalar;
import dev.swarmwatch.agent.config.YamlNode.Sequence;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming parser. Databind is not
 * used because it stops at the first error and forgets where values were.
 */
final class YamlTree {
    /** Deeper than any config the schema allows (a target option sits at depth 4), shallow enough for any stack. */
    static final int MAX_DEPTH = 20;

    private final YAMLFactory factory = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1)
                    .maxStringLength(BoundedFile.CONFIG_LIMIT).build())
            .build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setCodePointLimit(BoundedFile.CONFIG_LIMIT);
        // Aliases are refused by the binder; none need to be expanded on the way.
        options.setMaxAliasesForCollections(0);
        return options;
    }

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
            YamlNode root = read(parser, 1, file);
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
        } catch (StreamConstraintsException e) {
            throw limit(file, mark(e.getLocation()), e.getOriginalMessage());
        } catch (IOException e) {
            // Parsing a String does no I/O; anything else is a parser bug, not a config problem.
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode read(YAMLParser parser, int depth, String file) throws IOException, ConfigException {
        Mark mark = mark(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (depth > MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            throw tooDeep(file, mark);
        }
        if (token == JsonToken.START_OBJECT) {
            List<Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Mark keyMark = mark(parser.currentTokenLocation());
                parser.nextToken();
                entries.add(new Entry(key, keyMark, read(parser, depth + 1, file)));
            }
            return new Mapping(mark, entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, depth + 1, file));
            }
            return new Sequence(mark, items);
        }
        String text = parser.getText();
        boolean isNull = token == JsonToken.VALUE_NULL || (token == JsonToken.VALUE_STRING && text.isEmpty());
        return new Scalar(mark, text, isNull, parser.isCurrentAlias());
    }

    private static ConfigException tooDeep(String file, Mark at) {
        return problem(file, at, "YAML nested deeper than " + MAX_DEPTH + " levels; a swarmwatch config needs at most 5");
    }

    private static ConfigException syntaxError(String file, StreamReadException e) {
        if (e.getCause() instanceof YAMLException y && !(y instanceof MarkedYAMLException)) {
            return limit(file, mark(e.getLocation()), String.valueOf(y.getMessage()));
        }
        // SnakeYAML knows the exact spot and the actual problem; Jackson's own location and the
        // first line of its message are often the enclosing context ("while parsing a block mapping").
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                && marked.getProblem() != null) {
            Mark at = new Mark(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
            return problem(file, at, "YAML syntax error: " + marked.getProblem().trim());
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Expected a field name")) {
            return problem(file, mark(e.getLocation()), "YAML syntax error: a key must be a plain value, not a list or a mapping");
        }
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return problem(file, mark(e.getLocation()),
                "YAML syntax error: " + original.lines().findFirst().orElse("").trim());
    }

    /** A parser limit, in words: the libraries' own ("Nesting Depth exceeded max 21") name no fix. */
    private static ConfigException limit(String file, Mark at, String original) {
        String text = original == null ? "" : original.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("depth")) {
            return tooDeep(file, at);
        }
        if (text.contains("code points") || text.contains("length")) {
            return problem(file, at, "YAML value or document too large (at most " + BoundedFile.CONFIG_LIMIT / 1024 + " KB)");
        }
        if (text.contains("alias")) {
            return problem(file, at, "YAML aliases are not supported");
        }
        return problem(file, at, "YAML document exceeds a parser limit");
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
