package dev.swarmwatch.tests.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The sandbox swarm's own answers, recorded from its dockerd (engine 20.10, API 1.41): one node,
 * bed-healthy 2/2, bed-global, bed-unschedulable 0/2 and bed-crashing with failed tasks.
 */
public final class RecordedSwarm implements FakeEngine.Swarm {
    private final Map<String, byte[]> bodies;

    private RecordedSwarm(Map<String, byte[]> bodies) {
        this.bodies = Map.copyOf(bodies);
    }

    public static RecordedSwarm sandbox() {
        return new RecordedSwarm(Map.of(
                "/info", load("info"), "/nodes", load("nodes"), "/services", load("services"), "/tasks", load("tasks")));
    }

    @Override
    public byte[] body(String path) {
        int query = path.indexOf('?');
        return bodies.get(query < 0 ? path : path.substring(0, query));
    }

    static byte[] load(String name) {
        try (InputStream in = RecordedSwarm.class.getResourceAsStream("/fake-engine/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no recorded /fake-engine/" + name + ".json on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
