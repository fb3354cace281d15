package dev.swarmwatch.checks.patroni;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code GET /cluster} says about the whole cluster.
 *
 * @param members every member registered in the DCS (a member whose Patroni stopped cleanly is gone)
 * @param paused  maintenance mode: Patroni neither fails over nor restarts anything
 */
public record PatroniCluster(List<PatroniMember> members, boolean paused) {

    public PatroniCluster {
        members = List.copyOf(members);
    }

    /** Parses a {@code /cluster} body; throws IllegalArgumentException naming what is wrong. */
    public static PatroniCluster parse(String body) {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!(json.getValue("members") instanceof JsonArray array)) {
            throw new IllegalArgumentException("no \"members\" array");
        }
        List<PatroniMember> members = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject m)) {
                throw new IllegalArgumentException("members[" + i + "] is not an object");
            }
            members.add(member(m, i));
        }
        return new PatroniCluster(members, Boolean.TRUE.equals(json.getValue("pause")));
    }

    private static PatroniMember member(JsonObject m, int index) {
        if (!(m.getValue("name") instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("members[" + index + "] has no name");
        }
        OptionalLong lag = OptionalLong.empty();
        String lagText = "";
        Object rawLag = m.getValue("lag");
        if (rawLag instanceof Number n) {
            lag = OptionalLong.of(n.longValue());
        } else if (rawLag != null) {
            // Patroni lists "unknown" when it cannot compare the member's position with the leader's.
            lagText = rawLag.toString();
        }
        return new PatroniMember(name, text(m, "role"), text(m, "state"), text(m, "api_url"),
                m.getValue("timeline") instanceof Number t ? OptionalLong.of(t.longValue()) : OptionalLong.empty(),
                lag, lagText, Boolean.TRUE.equals(m.getValue("pending_restart")));
    }

    private static String text(JsonObject m, String key) {
        return m.getValue(key) instanceof String s ? s : "";
    }
}
