package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import io.vertx.core.Future;

/** Hands every Swarm check of a cycle the same snapshot, read once on a virtual thread. */
public final class SwarmSource {
    private final SwarmReader reader;

    public SwarmSource(SwarmReader reader) {
        this.reader = reader;
    }

    public Future<SwarmSnapshot> snapshot(CheckContext context) {
        return context.perCycle(this, () -> context.blocking(reader::read));
    }
}
