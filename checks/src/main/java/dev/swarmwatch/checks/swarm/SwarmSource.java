package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Hands every Swarm check of a cycle the same snapshot, read once on a virtual thread. */
public final class SwarmSource {
    private final Supplier<SwarmReader> reader;

    public SwarmSource(SwarmReader reader) {
        this.reader = () -> reader;
    }

    private SwarmSource(Supplier<SwarmReader> reader) {
        this.reader = reader;
    }

    /** Asks {@code reader} for the reader each cycle, so a cycle can start against a fresh engine client. */
    public static SwarmSource reading(Supplier<SwarmReader> reader) {
        return new SwarmSource(reader);
    }

    public Future<SwarmSnapshot> snapshot(CheckContext context) {
        // Should the read outlive the cycle, the quorum check says what it is: an engine not answering.
        return context.perCycle(this, () -> {
            SwarmReader current = reader.get();
            return context.blocking(current::read);
        }, waited -> new SwarmSnapshot.Unavailable(
                SwarmSnapshot.Problem.ENGINE_NOT_ANSWERING, "Docker engine not answering within " + Durations.format(waited)
                + ": the swarm read had not finished when the cycle ended", null));
    }

    /** How a per-service kind judges one service from the snapshot. */
    @FunctionalInterface
    interface ServiceRule {
        CheckResult evaluate(SwarmService service, List<SwarmTask> tasks, Map<String, SwarmNode> nodes,
                             Options options, Instant now);
    }

    /**
     * One check per service the rule applies to and the config does not ignore; none when the
     * swarm could not be read (the quorum check says why).
     */
    Future<List<PlannedCheck>> perService(CheckContext context, CheckKind kind, CheckKind.OptionsLookup options,
                                          Predicate<SwarmService> applies, ServiceRule rule) {
        return snapshot(context).map(snapshot -> {
            if (!(snapshot instanceof SwarmSnapshot.Available s)) {
                return List.of();
            }
            Map<String, List<SwarmTask>> tasks = s.tasksByService();
            Map<String, SwarmNode> nodes = s.nodesById();
            List<PlannedCheck> planned = new ArrayList<>();
            for (SwarmService service : s.services()) {
                if (!applies.test(service) || options.ignored(service.name())) {
                    continue;
                }
                CheckResult result = rule.evaluate(service, tasks.getOrDefault(service.id(), List.of()), nodes,
                        options.service(service.name()), context.cycleStart());
                planned.add(new PlannedCheck(kind.name(), Subject.service(service.name(), service.stack()),
                        options.timeout(), ctx -> Future.succeededFuture(result)));
            }
            return planned;
        });
    }
}
