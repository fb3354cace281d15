package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.swarm.SwarmSnapshot.Problem;
import dev.swarmwatch.checks.swarm.SwarmSnapshot.Unavailable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one {@link SwarmSnapshot} with a fixed number of API calls, whatever the number of
 * services: {@code /info}, {@code /nodes}, {@code /services?status=true} and {@code /tasks}, all
 * four at once (the engine's /info is often the slowest); /info is judged first. Every call ends
 * within the engine timeout, so a read does too. Turns every way a read can fail into an
 * {@link Unavailable} with its {@link Problem}: unreachable (no socket, refused), not answering
 * (nothing, or not all of it, within the deadline: frozen, hung, dripping; or an answer cut off,
 * over the caps or not JSON), and lost quorum, recognised from the engine's words and from calls
 * that get no answer at all while the engine answers /_ping.
 * Blocking: runs on a virtual thread.
 */
public final class SwarmReader {
    private static final List<String> QUORUM_LOST_WORDS = List.of(
            "does not have a leader", "context deadline exceeded", "lost leader status",
            "no elected cluster leader", "deadlineexceeded");
    private static final String WORKER_WORDS = "not a swarm manager";

    private final DockerApi api;
    private final Clock clock;

    public SwarmReader(DockerApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public SwarmSnapshot read() {
        CompletableFuture<EngineInfo> infoCall = api.getAsync("/info", SwarmJson::info);
        CompletableFuture<List<SwarmNode>> nodes = api.getAsync("/nodes", SwarmJson::nodes);
        CompletableFuture<List<SwarmService>> services = api.getAsync("/services?status=true", SwarmJson::services);
        CompletableFuture<List<SwarmTask>> tasks = api.getAsync("/tasks", SwarmJson::tasks);
        CompletableFuture<Boolean> ping = pingIfSlow(infoCall);
        EngineInfo info;
        try {
            info = api.await(infoCall, "/info");
        } catch (DockerApiException.Unreachable e) {
            return new Unavailable(Problem.ENGINE_UNREACHABLE, unreachableMessage(e), null);
        } catch (DockerApiException.Timeout e) {
            boolean pings = api.await(ping, "/_ping");
            // /info waits on the swarm's raft store while managers fight for a leader; /_ping does not.
            if (pings && !e.answerStarted()) {
                return new Unavailable(Problem.QUORUM_LOST, "swarm quorum lost: no leader: the engine answers /_ping"
                        + " but its swarm state does not (" + e.getMessage() + ")", null);
            }
            return new Unavailable(Problem.ENGINE_NOT_ANSWERING, notAnswering(e)
                    + (pings ? " (it answers /_ping)" : "; GET /_ping got no answer either"), null);
        } catch (DockerApiException.BadAnswer e) {
            return new Unavailable(Problem.ENGINE_NOT_ANSWERING, unusable(e), null);
        } catch (DockerApiException.ErrorAnswer e) {
            return new Unavailable(Problem.API_ERROR, "Docker engine error: " + e.getMessage(), null);
        }
        // When /info already tells what is wrong, the list calls' answers are not waited for.
        Unavailable fromInfo = judgeInfo(info);
        if (fromInfo != null) {
            return fromInfo;
        }
        try {
            return new SwarmSnapshot.Available(info,
                    api.await(nodes, "/nodes"),
                    api.await(services, "/services"),
                    api.await(tasks, "/tasks"),
                    clock.instant());
        } catch (DockerApiException e) {
            return judgeListFailure(info, e);
        }
    }

    /**
     * Asks /_ping when /info is slow (no answer within half the engine timeout), with the other half
     * as its deadline: by the time /info's deadline passes, it is known whether the engine itself
     * answers. A healthy read makes no extra call.
     */
    private CompletableFuture<Boolean> pingIfSlow(CompletableFuture<EngineInfo> info) {
        Duration half = api.timeout().dividedBy(2);
        try {
            info.get(half.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            return api.pingAsync(api.timeout().minus(half));
        } catch (ExecutionException failed) {
            // Judged below, from the call itself.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CompletableFuture.completedFuture(Boolean.FALSE);
    }

    private String notAnswering(DockerApiException.Timeout e) {
        return "Docker engine not answering within " + Durations.format(api.timeout()) + " at " + api.host()
                + ": GET " + e.path() + ": " + e.progress();
    }

    private String unusable(DockerApiException.BadAnswer e) {
        return "Docker engine answer unusable at " + api.host() + ": " + e.getMessage();
    }

    private String unreachableMessage(DockerApiException.Unreachable e) {
        if ("unix".equals(api.host().getScheme()) && !Files.exists(Path.of(api.host().getPath()))) {
            return "Docker engine unreachable: socket " + api.host().getPath()
                    + " does not exist (is dockerd running? set DOCKER_HOST or engine.host)";
        }
        return "Docker engine unreachable: " + e.getMessage();
    }

    static Unavailable judgeInfo(EngineInfo info) {
        String state = info.localNodeState();
        if (mentionsQuorumLoss(info.error())) {
            return new Unavailable(Problem.QUORUM_LOST, quorumLostMessage(info, info.error()), info);
        }
        return switch (state) {
            case "active" -> info.controlAvailable() ? null : new Unavailable(Problem.NOT_A_MANAGER,
                    "this node is a swarm worker: only a manager can report on the swarm; run swarmwatch on a manager"
                            + " or point engine.host at one", info);
            case "locked" -> new Unavailable(Problem.SWARM_LOCKED,
                    "the swarm is locked on this node: unlock it with 'docker swarm unlock'", info);
            case "pending" -> new Unavailable(Problem.SWARM_INACTIVE,
                    "this Docker engine is joining a swarm and is not a member yet", info);
            case "error" -> new Unavailable(Problem.SWARM_INACTIVE,
                    "this Docker engine's swarm is in error: " + info.error(), info);
            default -> new Unavailable(Problem.SWARM_INACTIVE,
                    "swarm inactive: this Docker engine (" + info.serverVersion() + ") is not part of a swarm", info);
        };
    }

    private Unavailable judgeListFailure(EngineInfo info, DockerApiException cause) {
        if (cause instanceof DockerApiException.Timeout timeout && timeout.answerStarted()) {
            return new Unavailable(Problem.ENGINE_NOT_ANSWERING, notAnswering(timeout), info);
        }
        if (cause instanceof DockerApiException.BadAnswer bad) {
            return new Unavailable(Problem.ENGINE_NOT_ANSWERING, unusable(bad), info);
        }
        if (cause instanceof DockerApiException.Timeout timeout) {
            return new Unavailable(Problem.QUORUM_LOST, quorumLostMessage(info,
                    "manager calls time out (" + timeout.getMessage() + ")"), info);
        }
        if (cause instanceof DockerApiException.ErrorAnswer answer) {
            String words = answer.engineMessage().toLowerCase(Locale.ROOT);
            if (mentionsQuorumLoss(words)) {
                return new Unavailable(Problem.QUORUM_LOST, quorumLostMessage(info, answer.engineMessage()), info);
            }
            if (words.contains(WORKER_WORDS)) {
                return new Unavailable(Problem.NOT_A_MANAGER,
                        "this node is not a swarm manager: " + answer.engineMessage(), info);
            }
            return new Unavailable(Problem.API_ERROR, "Docker engine error: " + answer.getMessage(), info);
        }
        if (cause instanceof DockerApiException.Unreachable unreachable) {
            return new Unavailable(Problem.ENGINE_UNREACHABLE, "Docker engine unreachable: " + unreachable.getMessage(), info);
        }
        return new Unavailable(Problem.API_ERROR, "reading the swarm failed: " + cause, info);
    }

    static boolean mentionsQuorumLoss(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return QUORUM_LOST_WORDS.stream().anyMatch(lower::contains);
    }

    private static String quorumLostMessage(EngineInfo info, String evidence) {
        String known = info.managers() > 0
                ? " (" + info.managers() + " managers known, " + (info.managers() / 2 + 1) + " needed)"
                : "";
        return "swarm quorum lost: no leader" + known + ": " + evidence;
    }
}
