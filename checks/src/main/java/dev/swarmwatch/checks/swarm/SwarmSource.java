package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Hands every Swarm check of a cycle the same snapshot, read once on a virtual thread. */
public final class SwarmSource {
    private final SwarmReader reader;
    private volatile SwarmSnapshot latest;

    public SwarmSource(SwarmReader reader) {
        this.reader = reader;
    }

    public Future<SwarmSnapshot> snapshot(CheckContext context) {
        return context.perCycle(this, () -> context.blocking(reader::read).onSuccess(s -> latest = s));
    }

    /** The snapshot the latest cycle read, for front-ends that show tasks and nodes beyond the checks' verdicts. */
    public java.util.Optional<SwarmSnapshot> latest() {
        return java.util.Optional.ofNullable(latest);
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
