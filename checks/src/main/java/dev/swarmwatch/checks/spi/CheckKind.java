package dev.swarmwatch.checks.spi;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * A kind of check (replicas, quorum, http, ...): its options, and, each cycle, the checks it wants
 * run. Adding a kind is this one file (plus the checks it plans) and one registration line.
 */
public interface CheckKind {

    /** Name used in config files, reports and metrics: lower snake_case. */
    String name();

    /** One line for {@code swarmwatch checks}. */
    String description();

    /** Whether the kind checks the cluster once or each service; decides where options may be overridden. */
    boolean perService();

    /** Whether its checks are declared targets ({@link DeclaredKind}) rather than found in the swarm. */
    default boolean declared() {
        return false;
    }

    List<OptionSpec> options();

    /**
     * Which perfdata values (by label) the daemon publishes as which Prometheus gauge. Labels not
     * listed stay in reports only. Declared kinds also get {@code swarmwatch_<kind>_up} per target.
     */
    default Map<String, MetricName> metrics() {
        return Map.of();
    }

    /**
     * The checks to run this cycle. Called on the event loop; a kind that must look something up
     * first (the Swarm snapshot) does so through {@link CheckContext#perCycle}.
     */
    Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options);

    /** Resolved options, per service where the kind is per service. */
    interface OptionsLookup {
        Options cluster();

        Options service(String serviceName);

        /** A service the config says to leave alone. */
        boolean ignored(String serviceName);

        /** The default check timeout from the config. */
        java.time.Duration timeout();

        /** The declared targets of this kind for this cycle: config targets, then service labels. */
        default Future<List<CheckTarget>> targets(CheckContext context) {
            return Future.succeededFuture(List.of());
        }
    }
}
