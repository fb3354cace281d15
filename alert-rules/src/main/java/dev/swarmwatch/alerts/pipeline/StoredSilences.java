package dev.swarmwatch.alerts.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.alerts.store.StoredSilence;

import java.util.List;
import java.util.Optional;

/** A silence to and from the store's row: its matchers kept as the text a user writes them in. */
final class StoredSilences {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredSilences() {
    }

    static StoredSilence of(Silence silence) {
        try {
            String matchers = JSON.writeValueAsString(silence.matchers().stream().map(Matcher::toString).toList());
            return new StoredSilence(silence.id(), matchers, silence.startsAt(), silence.endsAt(), silence.createdBy(),
                    silence.comment());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a silence's matchers do not serialize", e);
        }
    }

    /** Empty for a row this version cannot read: it is left in the store, not applied. */
    static Optional<Silence> toSilence(StoredSilence row) {
        try {
            List<String> texts = JSON.readValue(row.matchersJson(), new TypeReference<List<String>>() { });
            List<Matcher> matchers = texts.stream().map(Matcher::parse).toList();
            return Optional.of(new Silence(row.id(), matchers, row.starts(), row.ends(), row.createdBy(), row.comment()));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
