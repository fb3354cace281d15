package dev.swarmwatch.checks.swarm;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps the Engine API's JSON to the snapshot records, reading only the fields the checks use and
 * tolerating absent ones, so engines from API 1.41 to the newest all parse.
 */
final class SwarmJson {
    private SwarmJson() {
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

    static List<SwarmNode> nodes(JsonNode array) {
        List<SwarmNode> nodes = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            JsonNode manager = n.path("ManagerStatus");
            nodes.add(new SwarmNode(
                    n.path("ID").asText(),
                    n.path("Description").path("Hostname").asText(""),
                    "manager".equals(n.path("Spec").path("Role").asText()),
                    n.path("Status").path("State").asText("unknown"),
                    n.path("Spec").path("Availability").asText("active"),
                    n.path("Status").path("Message").asText(""),
                    manager.path("Reachability").asText(""),
                    manager.path("Leader").asBoolean(false),
                    manager.isMissingNode() ? n.path("Status").path("Addr").asText("") : manager.path("Addr").asText("")));
        }
        return nodes;
    }

    static List<SwarmService> services(JsonNode array) {
        List<SwarmService> services = new ArrayList<>(array.size());
        for (JsonNode s : array) {
            JsonNode spec = s.path("Spec");
            Map<String, String> labels = labels(spec.path("Labels"));
            JsonNode mode = spec.path("Mode");
            String modeName = mode.has("Global") ? "global"
                    : mode.has("ReplicatedJob") ? "replicated-job"
                    : mode.has("GlobalJob") ? "global-job"
                    : "replicated";
            JsonNode status = s.path("ServiceStatus");
            services.add(new SwarmService(
                    s.path("ID").asText(),
                    spec.path("Name").asText(),
                    labels.getOrDefault(SwarmService.STACK_LABEL, ""),
                    modeName,
                    mode.path("Replicated").path("Replicas").asInt(0),
                    optionalInt(status.path("RunningTasks")),
                    optionalInt(status.path("DesiredTasks")),
                    s.path("UpdateStatus").path("State").asText(""),
                    s.path("UpdateStatus").path("Message").asText(""),
                    labels));
        }
        return services;
    }

    static List<SwarmTask> tasks(JsonNode array) {
        List<SwarmTask> tasks = new ArrayList<>(array.size());
        for (JsonNode t : array) {
            JsonNode status = t.path("Status");
            tasks.add(new SwarmTask(
                    t.path("ID").asText(),
                    t.path("ServiceID").asText(),
                    t.path("Slot").asInt(0),
                    t.path("NodeID").asText(""),
                    status.path("State").asText("unknown"),
                    t.path("DesiredState").asText(""),
                    status.path("Err").asText(""),
                    status.path("Message").asText(""),
                    optionalInt(status.path("ContainerStatus").path("ExitCode")),
                    instant(status.path("Timestamp").asText("")),
                    address(t.path("NetworksAttachments"))));
        }
        return tasks;
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
