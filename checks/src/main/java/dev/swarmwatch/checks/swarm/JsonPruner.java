package dev.swarmwatch.checks.swarm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads a JSON answer as it streams in, keeping only the fields a {@link Shape} names: everything
 * else is skipped without being materialised, kept strings are cut to {@link Bounded#MAX_TEXT}, and
 * all kept text of one answer is bounded by {@link Bounded#MAX_KEPT_CHARS}. So the memory a read
 * takes depends on what the checks use, not on what the engine sends.
 */
final class JsonPruner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Which parts of a value to keep. */
    sealed interface Shape {
    }

    /** A scalar: string, number or boolean; anything else is dropped. */
    record Leaf() implements Shape {
    }

    /** An object with the named fields. */
    record Fields(Map<String, Shape> fields) implements Shape {
        Fields {
            fields = Map.copyOf(fields);
        }
    }

    /** An object of string values under any keys (labels): at most {@code max}, those {@code always} first. */
    record AnyKeys(int max, Predicate<String> always) implements Shape {
    }

    /** An array: its first {@code max} elements of the given shape. */
    record Elements(Shape element, int max) implements Shape {
    }

    static final Shape LEAF = new Leaf();

    private long keptChars;

    /** Calls {@code each} with every element of the top-level array, pruned to {@code shape}. */
    void eachElement(JsonParser p, Shape shape, String what, Consumer<JsonNode> each) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new AnswerException.Malformed("expected a JSON array of " + what + ", got " + p.currentToken());
        }
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new AnswerException.CutOff("the answer ended inside the list of " + what);
            }
            if (++n > Bounded.MAX_ENTRIES) {
                throw new AnswerException.TooLarge("more than " + Bounded.MAX_ENTRIES + " " + what
                        + " in one answer, the most swarmwatch reads");
            }
            each.accept(value(p, shape));
        }
    }

    /** The whole (top-level) value, pruned. */
    JsonNode root(JsonParser p, Shape shape) throws IOException {
        if (p.nextToken() == null) {
            throw new AnswerException.Malformed("empty answer");
        }
        return value(p, shape);
    }

    /** The value at the parser's current token, pruned; the parser ends on its last token. */
    private JsonNode value(JsonParser p, Shape shape) throws IOException {
        JsonToken t = p.currentToken();
        return switch (shape) {
            case Leaf leaf -> t.isScalarValue() ? scalar(p) : skip(p);
            case Fields f -> t == JsonToken.START_OBJECT ? fields(p, f) : skip(p);
            case AnyKeys a -> t == JsonToken.START_OBJECT ? anyKeys(p, a) : skip(p);
            case Elements e -> t == JsonToken.START_ARRAY ? elements(p, e) : skip(p);
        };
    }

    private JsonNode fields(JsonParser p, Fields shape) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Shape field = shape.fields().get(p.currentName());
            String name = p.currentName();
            p.nextToken();
            if (field == null) {
                p.skipChildren();
            } else {
                JsonNode v = value(p, field);
                if (!v.isMissingNode()) {
                    node.set(name, v);
                }
            }
        }
        return node;
    }

    private JsonNode anyKeys(JsonParser p, AnyKeys shape) throws IOException {
        ObjectNode node = NODES.objectNode();
        int others = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            boolean keep = p.currentToken().isScalarValue()
                    && (shape.always().test(name) || others++ < shape.max());
            if (keep) {
                node.put(keep(name), keep(p.getText()));
            } else {
                p.skipChildren();
            }
        }
        return node;
    }

    private JsonNode elements(JsonParser p, Elements shape) throws IOException {
        ArrayNode node = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (node.size() < shape.max()) {
                JsonNode v = value(p, shape.element());
                if (!v.isMissingNode()) {
                    node.add(v);
                }
            } else {
                p.skipChildren();
            }
        }
        return node;
    }

    private JsonNode scalar(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> NODES.textNode(keep(p.getText()));
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.INT
                    ? NODES.numberNode(p.getIntValue()) : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            default -> MissingNode.getInstance();
        };
    }

    private static JsonNode skip(JsonParser p) throws IOException {
        p.skipChildren();
        return MissingNode.getInstance();
    }

    private String keep(String text) throws AnswerException {
        String kept = Bounded.text(text);
        keptChars += kept.length();
        if (keptChars > Bounded.MAX_KEPT_CHARS) {
            throw new AnswerException.TooLarge("more than " + Bounded.MAX_KEPT_CHARS / (1024 * 1024)
                    + " M characters of names and messages in one answer, the most swarmwatch keeps");
        }
        return kept;
    }
}
