package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/Dockerfile and deploy/swarmwatch.stack.yml as a user runs them, on the sandbox swarm: the
 * image is built from the Dockerfile (on a local JRE base, as nothing can be pulled here), the
 * stack file itself is deployed with {@code docker stack deploy}, and the agent must run as a
 * service, become healthy through its HEALTHCHECK and report the swarm it runs in.
 */
class StackDeployTest {
    private static final String STACK = "swdeploytest";
    private static final String SERVICE = STACK + "_agent";
    private static final String IMAGE = "swarmwatch:deploytest";

    @BeforeAll
    static void buildImage() throws Exception {
        assertThat(Bed.REPO.resolve("agent/target/swarmwatch.jar")).exists();
        Bed.run(List.of("bash", Bed.REPO.resolve("tests/bed/jre-image.sh").toString()),
                List.of("SWARMWATCH_BED=" + Bed.DIR), Duration.ofMinutes(3)).orFail();
        Bed.docker("build", "-q", "-f", "deploy/Dockerfile", "--build-arg", "BASE=swarmwatch/jre:bed", "-t", IMAGE, ".").orFail();
    }

    @AfterAll
    static void removeStack() throws Exception {
        Bed.docker("stack", "rm", STACK);
        // The stack's network goes once its task has stopped; the next deploy must not find it half gone.
        for (int i = 0; i < 30 && Bed.docker("network", "inspect", STACK + "_monitoring").exit() == 0; i++) {
            Thread.sleep(500);
        }
    }

    @Test
    void stackFileDeploysAHealthyNonRootAgentOnTheManagerThatReportsItsSwarm() throws Exception {
        String gid = String.valueOf(Files.getAttribute(Bed.DIR.resolve("docker.sock"), "unix:gid"));
        deploy(List.of("DOCKER_GID=" + gid)).orFail();

        String container = waitForHealthy(Duration.ofSeconds(90));
        assertThat(Bed.docker("exec", container, "id", "-u").orFail().out().strip()).isEqualTo("10001");
        assertThat(Bed.docker("service", "inspect", SERVICE, "--format",
                "{{.Spec.Mode.Global}} {{.Spec.TaskTemplate.Placement.Constraints}}").orFail().out())
                .contains("{}").contains("node.role == manager");

        JsonNode report = new ObjectMapper().readTree(Bed.docker("exec", container, "java", "-XX:TieredStopAtLevel=1",
                "-jar", "/opt/swarmwatch/swarmwatch.jar", "report", "-f", "json").out());
        List<String> subjects = new ArrayList<>();
        report.get("checks").forEach(c -> subjects.add(c.get("subject").asText()));
        assertThat(subjects).contains("bed-healthy", "bed-unschedulable", SERVICE);
        assertThat(Bed.docker("service", "logs", "--raw", SERVICE).out()).contains("event=cycle cycle=1");
    }

    @Test
    void stackFileRefusesToDeployWithoutTheSocketsGroup() throws Exception {
        Bed.Result refused = deploy(List.of());
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("DOCKER_GID");
    }

    private static Bed.Result deploy(List<String> extraEnv) throws Exception {
        List<String> env = new ArrayList<>(List.of("DOCKER_HOST=" + Bed.sandbox(), "DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1",
                "SWARMWATCH_IMAGE=" + IMAGE, "DOCKER_SOCKET=" + Bed.DIR.resolve("docker.sock"), "DOCKER_GID="));
        env.addAll(extraEnv);
        return Bed.run(List.of("docker", "stack", "deploy", "--resolve-image", "never",
                "-c", "deploy/swarmwatch.stack.yml", STACK), env, Duration.ofMinutes(1));
    }

    private static String waitForHealthy(Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = Bed.docker("ps", "--filter", "label=com.docker.swarm.service.name=" + SERVICE,
                    "--format", "{{.ID}} {{.Status}}").out().strip();
            if (last.contains("(healthy)")) {
                return last.substring(0, last.indexOf(' '));
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("agent not healthy within " + within + ": " + last + "\n"
                + Bed.docker("service", "ps", "--no-trunc", SERVICE).out());
    }
}
