package dev.swarmwatch.checks.swarm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmwatch.checks.swarm.JsonPruner.AnyKeys;
import dev.swarmwatch.checks.swarm.JsonPruner.Elements;
import dev.swarmwatch.checks.swarm.JsonPruner.Fields;
import dev.swarmwatch.checks.swarm.JsonPruner.Shape;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps the Engine API's JSON to the snapshot records, reading only the fields the checks use and
 * tolerating absent ones, so engines from API 1.41 to the newest all parse. Answers are read as
 * they stream in through a {@link JsonPruner}: per entry only the fields below are kept, strings
 * cut to {@link Bounded#MAX_TEXT} characters, and repeated ids and words shared between entries.
 */
final class SwarmJson {
    private static final Shape LEAF = JsonPruner.LEAF;
    private static final Shape LABELS = new AnyKeys(Bounded.MAX_LABELS,
            key -> key.startsWith("swarmwatch.") || key.equals(SwarmService.STACK_LABEL));
    static final Shape INFO = new Fields(Map.of(
            "ServerVersion", LEAF,
            "Swarm", new Fields(Map.of("LocalNodeState", LEAF, "ControlAvailable", LEAF, "NodeID", LEAF,
                    "Managers", LEAF, "Nodes", LEAF, "Error", LEAF))));
    static final Shape NODE = new Fields(Map.of(
            "ID", LEAF,
            "Description", new Fields(Map.of("Hostname", LEAF)),
            "Spec", new Fields(Map.of("Role", LEAF, "Availability", LEAF)),
            "Status", new Fields(Map.of("State", LEAF, "Message", LEAF, "Addr", LEAF)),
            "ManagerStatus", new Fields(Map.of("Reachability", LEAF, "Leader", LEAF, "Addr", LEAF))));
    static final Shape SERVICE = new Fields(Map.of(
            "ID", LEAF,
            "Spec", new Fields(Map.of("Name", LEAF, "Labels", LABELS, "Mode", new Fields(Map.of(
                    "Replicated", new Fields(Map.of("Replicas", LEAF)),
                    "Global", new Fields(Map.of()),
                    "ReplicatedJob", new Fields(Map.of()),
                    "GlobalJob", new Fields(Map.of()))))),
            "ServiceStatus", new Fields(Map.of("RunningTasks", LEAF, "DesiredTasks", LEAF)),
            "UpdateStatus", new Fields(Map.of("State", LEAF, "Message", LEAF))));
    static final Shape TASK = new Fields(Map.of(
            "ID", LEAF, "ServiceID", LEAF, "Slot", LEAF, "NodeID", LEAF, "DesiredState", LEAF,
            "Status", new Fields(Map.of("State", LEAF, "Err", LEAF, "Message", LEAF, "Timestamp", LEAF,
                    "ContainerStatus", new Fields(Map.of("ExitCode", LEAF)))),
            "NetworksAttachments", new Elements(new Fields(Map.of("Addresses", new Elements(LEAF, 1))), 1)));

    private SwarmJson() {
    }

    static EngineInfo info(JsonParser p) throws IOException {
        return info(new JsonPruner().root(p, INFO));
    }

    static List<SwarmNode> nodes(JsonParser p) throws IOException {
        List<SwarmNode> nodes = new ArrayList<>();
        new JsonPruner().eachElement(p, NODE, "nodes", n -> nodes.add(node(n)));
        return nodes;
    }

    static List<SwarmService> services(JsonParser p) throws IOException {
        List<SwarmService> services = new ArrayList<>();
        new JsonPruner().eachElement(p, SERVICE, "services", s -> services.add(service(s)));
        return services;
    }

    static List<SwarmTask> tasks(JsonParser p) throws IOException {
        List<SwarmTask> tasks = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        new JsonPruner().eachElement(p, TASK, "tasks", t -> tasks.add(task(t, shared)));
        return tasks;
    }

    static EngineInfo info(JsonNode root) {
        JsonNode swarm = root.path("Swarm");
        return new EngineInfo(
                swarm.path("LocalNodeState").asText(""),
                swarm.path("ControlAvailable").asBoolean(false),
                swarm.path("NodeID").asText(""),
                swarm.path("Managers").asInt(0),
                swarm.path("Nodes").asInt(0),
                swarm.path("Error").asText(""),
                root.path("ServerVersion").asText(""));
    }

    static SwarmNode node(JsonNode n) {
        JsonNode manager = n.path("ManagerStatus");
        return new SwarmNode(
                n.path("ID").asText(),
                n.path("Description").path("Hostname").asText(""),
                "manager".equals(n.path("Spec").path("Role").asText()),
                n.path("Status").path("State").asText("unknown"),
                n.path("Spec").path("Availability").asText("active"),
                n.path("Status").path("Message").asText(""),
                manager.path("Reachability").asText(""),
                manager.path("Leader").asBoolean(false),
                manager.isMissingNode() ? n.path("Status").path("Addr").asText("") : manager.path("Addr").asText(""));
    }

    static SwarmService service(JsonNode s) {
        JsonNode spec = s.path("Spec");
        Map<String, String> labels = labels(spec.path("Labels"));
        JsonNode mode = spec.path("Mode");
        String modeName = mode.has("Global") ? "global"
                : mode.has("ReplicatedJob") ? "replicated-job"
                : mode.has("GlobalJob") ? "global-job"
                : "replicated";
        JsonNode status = s.path("ServiceStatus");
        return new SwarmService(
                s.path("ID").asText(),
                spec.path("Name").asText(),
                labels.getOrDefault(SwarmService.STACK_LABEL, ""),
                modeName,
                mode.path("Replicated").path("Replicas").asInt(0),
                optionalInt(status.path("RunningTasks")),
                optionalInt(status.path("DesiredTasks")),
                s.path("UpdateStatus").path("State").asText(""),
                s.path("UpdateStatus").path("Message").asText(""),
                labels);
    }

    /** One task; ids and words repeated across tasks (service, node, state, error) are kept once. */
    static SwarmTask task(JsonNode t, Map<String, String> shared) {
        JsonNode status = t.path("Status");
        return new SwarmTask(
                t.path("ID").asText(),
                share(shared, t.path("ServiceID").asText()),
                t.path("Slot").asInt(0),
                share(shared, t.path("NodeID").asText("")),
                share(shared, status.path("State").asText("unknown")),
                share(shared, t.path("DesiredState").asText("")),
                share(shared, status.path("Err").asText("")),
                share(shared, status.path("Message").asText("")),
                optionalInt(status.path("ContainerStatus").path("ExitCode")),
                instant(status.path("Timestamp").asText("")),
                address(t.path("NetworksAttachments")));
    }

    private static String share(Map<String, String> shared, String text) {
        String known = shared.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    /** The first address of the first network attachment, "10.0.1.5/24" read as "10.0.1.5". */
    private static String address(JsonNode attachments) {
        for (JsonNode attachment : attachments) {
            for (JsonNode address : attachment.path("Addresses")) {
                String text = address.asText("");
                int slash = text.indexOf('/');
                return slash < 0 ? text : text.substring(0, slash);
            }
        }
        return "";
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText("")));
        return labels;
    }

    private static OptionalInt optionalInt(JsonNode node) {
        return node.isNumber() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
