package dev.swarmwatch.checks.spi;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind whose checks are declared targets (config {@code targets.<kind>} or service labels
 * {@code swarmwatch.<kind>.*}), such as HTTP endpoints or databases. The kind only says how to
 * check one target; planning, and reporting unusable declarations, is done here once.
 */
public interface DeclaredKind extends CheckKind {

    /** Every declared kind accepts a timeout: its probe's own deadline. */
    String TIMEOUT = "timeout";

    /** Every declared kind lists this option: a target checked less often than every cycle. */
    OptionSpec INTERVAL = OptionSpec.optional("interval", OptionType.DURATION,
            "check this target at most this often, reusing its last result in between (default: every cycle)");

    /**
     * The checks of one usable target: usually one, one per replica where the kind does that.
     *
     * @throws IllegalArgumentException when its options do not fit together; reported UNKNOWN
     */
    List<PlannedCheck> checks(CheckTarget target);

    /**
     * Checks one target's values as soon as it is read, so that the config's {@code validate} and
     * label discovery report a value that cannot work (a {@code file://} URL, port 70000, a regex
     * that does not compile, a missing CA file) instead of a probe failing at its first run. The
     * config binder reports each problem at the option's own line; a label target becomes UNKNOWN.
     */
    default List<OptionProblem> validate(Options options) {
        return List.of();
    }

    /**
     * The hosts a target would connect to, as written (names or addresses), for the rules that
     * bound what a service label may point the agent at; empty when the kind contacts nothing.
     */
    default List<String> hosts(CheckTarget target) {
        return List.of();
    }

    @Override
    default boolean perService() {
        return false;
    }

    @Override
    default boolean declared() {
        return true;
    }

    @Override
    default Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
        return options.targets(context).map(targets -> {
            List<PlannedCheck> planned = new ArrayList<>();
            for (CheckTarget target : targets) {
                String problem = target.problem();
                if (target.usable()) {
                    try {
                        planned.addAll(checks(target));
                        continue;
                    } catch (IllegalArgumentException e) {
                        // Options that each parse but do not fit together (warning above critical, say).
                        problem = e.getMessage();
                    }
                }
                CheckResult bad = CheckResult.unknown(target.origin() + ": " + problem);
                planned.add(new PlannedCheck(name(), target.subject(), options.timeout(),
                        ctx -> Future.succeededFuture(bad), target.name()));
            }
            return planned;
        });
    }

    /** How often a target's check runs: its interval option, else every cycle. */
    static Duration every(CheckTarget target) {
        return target.options().find(INTERVAL.name(), Duration.class).orElse(Duration.ZERO);
    }

    /** The runner's deadline for a target: its own timeout plus a second, so the probe's own message wins. */
    static Duration deadline(CheckTarget target) {
        return target.options().duration(TIMEOUT).plusSeconds(1);
    }
}
