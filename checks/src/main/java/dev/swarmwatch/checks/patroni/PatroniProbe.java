package dev.swarmwatch.checks.patroni;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Durations;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The Patroni check: {@code GET /cluster} from the first member that answers, each member bounded by
 * the target's timeout, then the role endpoints of the members that have an expectation, all
 * non-blocking, then {@link PatroniEvaluation}. Holds the cluster's {@link PatroniMemory}, so one
 * probe instance belongs to one configured cluster.
 */
public final class PatroniProbe {
    private final PatroniMemory memory;

    public PatroniProbe(PatroniMemory memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    PatroniMemory memory() {
        return memory;
    }

    /** Call on the event loop. Fails only for what it does not understand; the runner maps that. */
    public Future<CheckResult> probe(CheckContext context, PatroniTarget target) {
        long ms = target.timeout().toMillis();
        // A client per probe: a check runs every few seconds at most, and nothing stays open between cycles.
        WebClient client = WebClient.create(context.vertx(), new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, ms))
                .setFollowRedirects(false)
                .setKeepAlive(false)
                .setUserAgent("swarmwatch"));
        List<String> reasons = new ArrayList<>();
        return firstCluster(client, target, 0, reasons).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(CheckResult.unknown("no Patroni member answered: " + String.join("; ", reasons)));
            }
            PatroniCluster cluster = found.get();
            List<Future<RoleAnswer>> answers = target.roles().stream().map(r -> role(client, r, ms)).toList();
            return Future.all(answers).map(all -> {
                List<PatroniMember> leaders = cluster.members().stream().filter(PatroniMember::leader).toList();
                Optional<String> leader = leaders.size() == 1 ? Optional.of(leaders.getFirst().name()) : Optional.empty();
                long timeline = leaders.size() == 1 ? leaders.getFirst().timeline().orElse(0) : 0;
                Optional<PatroniMemory.Change> change = memory.observe(leader, timeline, target.failoverHoldCycles());
                return PatroniEvaluation.evaluate(cluster, target, change, memory.leaderChanges(),
                        answers.stream().map(Future::result).toList());
            });
        }).eventually(() -> {
            client.close();
            return Future.succeededFuture();
        });
    }

    // Members in order: the first one that answers /cluster with a readable list wins.
    private Future<Optional<PatroniCluster>> firstCluster(WebClient client, PatroniTarget target, int index, List<String> reasons) {
        if (index == target.members().size()) {
            return Future.succeededFuture(Optional.empty());
        }
        URI member = target.members().get(index);
        String url = endpoint(member, "/cluster");
        return get(client, url, target.timeout().toMillis()).transform(ar -> {
            String reason;
            if (ar.failed()) {
                reason = reason(ar.cause(), target);
            } else if (ar.result().statusCode() != 200) {
                reason = "HTTP " + ar.result().statusCode() + bodyStart(ar.result());
            } else {
                try {
                    return Future.succeededFuture(Optional.of(PatroniCluster.parse(ar.result().bodyAsString())));
                } catch (IllegalArgumentException e) {
                    reason = "unreadable /cluster answer: " + e.getMessage();
                }
            }
            reasons.add(endpoint(member, "") + ": " + reason);
            return firstCluster(client, target, index + 1, reasons);
        });
    }

    private Future<RoleAnswer> role(WebClient client, RoleExpectation expectation, long ms) {
        return get(client, endpoint(expectation.member(), expectation.role().path()), ms).transform(ar -> ar.succeeded()
                ? Future.succeededFuture(RoleAnswer.answered(expectation, ar.result().statusCode()))
                : Future.succeededFuture(RoleAnswer.failed(expectation, reason(ar.cause(), ms))));
    }

    private static Future<HttpResponse<Buffer>> get(WebClient client, String url, long ms) {
        // timeout: no byte of the answer for this long; connect timeout set on the client as well
        return client.getAbs(url).connectTimeout(ms).timeout(ms).send();
    }

    /** {@code base} without a trailing slash, then {@code path}. */
    static String endpoint(URI base, String path) {
        String s = base.toString();
        return (s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + path;
    }

    private static String reason(Throwable error, PatroniTarget target) {
        return reason(error, target.timeout().toMillis());
    }

    // The failures a member's REST API is known to give, in the words every probe uses.
    static String reason(Throwable error, long timeoutMs) {
        String message = String.valueOf(error.getMessage());
        if (error instanceof TimeoutException || message.contains("timeout period of")) {
            return "no answer within " + Durations.format(Duration.ofMillis(timeoutMs));
        }
        return CheckResult.describe(error);
    }

    private static String bodyStart(HttpResponse<Buffer> response) {
        String body = response.bodyAsString();
        if (body == null || body.isBlank()) {
            return "";
        }
        // Untrusted text: one line without controls, bounded.
        String start = body.length() > 1000 ? body.substring(0, 1000) : body;
        return ": " + dev.swarmwatch.checks.spi.SafeText.line(start.strip().replaceAll("\\s+", " "), 80);
    }
}
