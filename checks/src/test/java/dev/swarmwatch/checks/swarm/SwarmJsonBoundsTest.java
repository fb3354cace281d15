package dev.swarmwatch.checks.swarm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is kept of an engine's answer: the fields the checks read, each bounded. */
class SwarmJsonBoundsTest {
    private static final JsonFactory JSON = new JsonFactory();

    private static JsonParser parser(String json) throws IOException {
        return JSON.createParser(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void megabyteServiceNameIsCutToOneKilobyteAtParse() throws IOException {
        String name = "n".repeat(1024 * 1024);
        List<SwarmService> services = SwarmJson.services(parser("""
                [{"ID":"s1","Spec":{"Name":"%s","Mode":{"Replicated":{"Replicas":2}}}}]""".formatted(name)));
        assertThat(services).hasSize(1);
        assertThat(services.get(0).name()).hasSize(Bounded.MAX_TEXT).startsWith("nnn").endsWith("\u2026");
        assertThat(services.get(0).replicas()).isEqualTo(2);
    }

    @Test
    void fieldsTheChecksDoNotReadAreSkippedWhateverTheirSize() throws IOException {
        String junk = "j".repeat(5 * 1024 * 1024);
        List<SwarmTask> tasks = SwarmJson.tasks(parser("""
                [{"ID":"t1","Spec":{"ContainerSpec":{"Env":["%s"]}},"ServiceID":"s1","Slot":1,"NodeID":"n1",
                  "Status":{"State":"failed","Err":"%s","ContainerStatus":{"ExitCode":137}},"DesiredState":"shutdown",
                  "NetworksAttachments":[{"Addresses":["10.0.1.5/24","10.0.1.6/24"]},{"Addresses":["10.0.2.5/24"]}]}]"""
                .formatted(junk, "e".repeat(4000))));
        SwarmTask t = tasks.get(0);
        assertThat(t.state()).isEqualTo("failed");
        assertThat(t.exitCode()).hasValue(137);
        assertThat(t.error()).hasSize(Bounded.MAX_TEXT);
        assertThat(t.address()).isEqualTo("10.0.1.5");
    }

    @Test
    void labelsAreCappedButSwarmwatchAndStackLabelsAlwaysKept() throws IOException {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            labels.append("\"l").append(i).append("\":\"v\",");
        }
        labels.append("\"com.docker.stack.namespace\":\"web\",\"swarmwatch.http.url\":\"http://x/\"");
        SwarmService s = SwarmJson.services(parser("""
                [{"ID":"s1","Spec":{"Name":"a","Labels":{%s}}}]""".formatted(labels))).get(0);
        assertThat(s.labels()).hasSize(Bounded.MAX_LABELS + 2)
                .containsEntry("swarmwatch.http.url", "http://x/").containsEntry("com.docker.stack.namespace", "web");
        assertThat(s.stack()).isEqualTo("web");
    }

    @Test
    void repeatedIdsAndWordsOfTasksAreKeptOnce() throws IOException {
        List<SwarmTask> tasks = SwarmJson.tasks(parser("""
                [{"ID":"t1","ServiceID":"s1","NodeID":"n1","Status":{"State":"running"}},
                 {"ID":"t2","ServiceID":"s1","NodeID":"n1","Status":{"State":"running"}}]"""));
        assertThat(tasks.get(0).serviceId()).isSameAs(tasks.get(1).serviceId());
        assertThat(tasks.get(0).state()).isSameAs(tasks.get(1).state());
    }

    @Test
    void answerThatIsNotAListIsMalformed() {
        assertThatThrownBy(() -> SwarmJson.nodes(parser("{\"message\":\"x\"}")))
                .isInstanceOf(AnswerException.Malformed.class).hasMessageContaining("expected a JSON array of nodes");
    }

    @Test
    void listCutOffInTheMiddleFailsTheRead() {
        assertThatThrownBy(() -> SwarmJson.nodes(parser("[{\"ID\":\"a\"},{\"ID\":")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void infoKeepsTheSwarmFields() throws IOException {
        EngineInfo info = SwarmJson.info(parser("""
                {"ServerVersion":"29.0.1","Plugins":{"Volume":["local"]},"Swarm":{"LocalNodeState":"active",
                 "ControlAvailable":true,"NodeID":"n1","Managers":3,"Nodes":5,"Error":"","RemoteManagers":[{"Addr":"x"}]}}"""));
        assertThat(info).isEqualTo(new EngineInfo("active", true, "n1", 3, 5, "", "29.0.1"));
    }
}
