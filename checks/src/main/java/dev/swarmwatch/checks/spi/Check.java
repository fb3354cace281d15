package dev.swarmwatch.checks.spi;

import io.vertx.core.Future;

/**
 * One probe of one target. Called on the event loop: a check that blocks must hand the work to
 * {@link CheckContext#blocking}. It neither times itself out nor catches its own failures: the
 * runner bounds it by its timeout and turns a failed future or a thrown exception into a result.
 */
@FunctionalInterface
public interface Check {
    Future<CheckResult> run(CheckContext context);
}
