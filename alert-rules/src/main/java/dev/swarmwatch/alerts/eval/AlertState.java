package dev.swarmwatch.alerts.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the evaluator carries from one step to the next: an immutable value the store persists
 * (as {@link #toJson()}) with the notifications of the same step, so that a restart neither re-fires
 * nor forgets.
 *
 * @param alerts by fingerprint: pending, firing, and resolved ones whose notices are still due
 * @param groups by receiver and group key
 */
public record AlertState(Map<String, AlertEntry> alerts, Map<String, GroupEntry> groups) {
    /** Bumped when the JSON shape changes incompatibly. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }))
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public AlertState {
        alerts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(alerts));
        groups = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(groups));
    }

    public static AlertState empty() {
        return new AlertState(Map.of(), Map.of());
    }

    private record Stored(int version, Map<String, AlertEntry> alerts, Map<String, GroupEntry> groups) {
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new Stored(VERSION, alerts, groups));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert state is plain data and always serializes", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a state this version can read (a corrupt
     *                                  store: the caller says so loudly and starts from empty)
     */
    public static AlertState fromJson(String json) {
        try {
            Stored stored = JSON.readValue(json, Stored.class);
            if (stored.version() != VERSION) {
                throw new IllegalArgumentException("alert state version " + stored.version() + ", expected " + VERSION);
            }
            return new AlertState(stored.alerts() == null ? Map.of() : stored.alerts(),
                    stored.groups() == null ? Map.of() : stored.groups());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("alert state version")) {
                throw iae;
            }
            throw new IllegalArgumentException("unreadable alert state: " + e.getMessage(), e);
        }
    }
}
