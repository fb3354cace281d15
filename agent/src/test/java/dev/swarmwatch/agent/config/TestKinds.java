package dev.swarmwatch.agent.config;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.PlannedCheck;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/** Hand-written kinds for what the Swarm kinds do not have: a string option, a clashing option name. */
final class TestKinds {
    private TestKinds() {
    }

    /** A cluster kind named probe with one string option, {@code template}. */
    static CheckKind probe() {
        return withOption("template");
    }

    /** A declared kind named endpoint: a required url, a secret token, a timeout. */
    static CheckKind endpoint() {
        return new DeclaredKind() {
            @Override
            public String name() {
                return "endpoint";
            }

            @Override
            public String description() {
                return "declared test kind";
            }

            @Override
            public List<OptionSpec> options() {
                return List.of(OptionSpec.required("url", OptionType.STRING, "where"),
                        OptionSpec.secret("token", "a secret"),
                        new OptionSpec(DeclaredKind.TIMEOUT, OptionType.DURATION, Duration.ofSeconds(5), "deadline"));
            }

            @Override
            public List<PlannedCheck> checks(CheckTarget target) {
                return List.of();
            }
        };
    }

    static CheckKind withOption(String optionName) {
        return new CheckKind() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public String description() {
                return "test kind";
            }

            @Override
            public boolean perService() {
                return false;
            }

            @Override
            public List<OptionSpec> options() {
                return List.of(new OptionSpec(optionName, OptionType.STRING, "", "test option"));
            }

            @Override
            public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
                return Future.succeededFuture(List.of());
            }
        };
    }
}
