package dev.swarmwatch.agent.run;

import dev.swarmwatch.checks.redis.RedisKind;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets that only service labels give are noted when the targets are handed out. */
class TargetSecretsTest {

    @Test
    void theSecretsOfTheTargetsHandedOutAreNotedAndNothingElse() {
        RedisKind kind = new RedisKind();
        Options labelled = Options.defaults(kind.options())
                .with(Map.of("host", "10.0.0.5", "password", "from-a-label-1234", "user", "monitor"));
        CheckTarget target = new CheckTarget("cache", Subject.service("cache", ""), labelled, List.of(),
                "labels of service cache", "");
        CheckKind.OptionsLookup lookup = new CheckKind.OptionsLookup() {
            @Override
            public Options cluster() {
                return Options.defaults(kind.options());
            }

            @Override
            public Options service(String serviceName) {
                return cluster();
            }

            @Override
            public boolean ignored(String serviceName) {
                return false;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Future<List<CheckTarget>> targets(dev.swarmwatch.checks.spi.CheckContext context) {
                return Future.succeededFuture(List.of(target));
            }
        };
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<CheckTarget> handedOut = new TargetSecrets(lookup, kind.options(), seen).targets(null).result();

        assertThat(handedOut).containsExactly(target);
        assertThat(seen).contains("from-a-label-1234").doesNotContain("10.0.0.5", "monitor", "off");
    }
}
