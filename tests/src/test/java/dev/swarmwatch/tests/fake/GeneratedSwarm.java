package dev.swarmwatch.tests.fake;

import java.nio.charset.StandardCharsets;

/**
 * A large swarm in the recorded answers' shape (field for field as engine 20.10 sends them, so a
 * task is ~1.2 KB of JSON like a real one): {@code services} replicated services of 2 replicas
 * on the recorded node, {@code tasks} tasks spread over them (2 running per service, the rest
 * shut-down history). Optionally the first service's name is {@code bigName} characters long.
 */
public final class GeneratedSwarm implements FakeEngine.Swarm {
    private static final String NODE = "i6eg0aovja9bboe9hv3bwoziz";
    private final byte[] info = RecordedSwarm.load("info");
    private final byte[] nodes = RecordedSwarm.load("nodes");
    private final byte[] services;
    private final byte[] tasks;

    private GeneratedSwarm(byte[] services, byte[] tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    public static GeneratedSwarm of(int services, int tasks, int bigName) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < services; i++) {
            String name = i == 0 && bigName > 0 ? "x".repeat(bigName) : "gen-" + i;
            s.append(i == 0 ? "" : ",").append("""
                    {"ID":"%s","Version":{"Index":%d},"CreatedAt":"2026-12-02T13:22:46.9Z","UpdatedAt":"2026-12-02T13:22:46.9Z",\
                    "Spec":{"Name":"%s","Labels":{"com.docker.stack.namespace":"gen","swarmwatch.bed":"1"},\
                    "TaskTemplate":{"ContainerSpec":{"Image":"swarmwatch/busybox:bed","Args":["sleep","100000"],"Init":true,\
                    "DNSConfig":{},"Isolation":"default"},"Resources":{"Limits":{},"Reservations":{}},\
                    "RestartPolicy":{"Condition":"any","Delay":5000000000,"MaxAttempts":0},"Placement":{},"ForceUpdate":0,\
                    "Runtime":"container"},"Mode":{"Replicated":{"Replicas":2}},"UpdateConfig":{"Parallelism":1,\
                    "FailureAction":"pause","Monitor":5000000000,"MaxFailureRatio":0,"Order":"stop-first"},\
                    "EndpointSpec":{"Mode":"vip"}},"Endpoint":{"Spec":{}},"ServiceStatus":{"RunningTasks":2,"DesiredTasks":2}}"""
                    .formatted(id("s", i), 100 + i, name));
        }
        s.append(']');
        StringBuilder t = new StringBuilder("[");
        for (int i = 0; i < tasks; i++) {
            int service = i % services;
            int round = i / services;
            boolean running = round < 2;
            int slot = round % 2 + 1;
            t.append(i == 0 ? "" : ",").append("""
                    {"ID":"%s","Version":{"Index":%d},"CreatedAt":"2026-12-02T13:22:46.97Z","UpdatedAt":"2026-12-02T13:22:47.44Z",\
                    "Labels":{},"Spec":{"ContainerSpec":{"Image":"swarmwatch/busybox:bed","Args":["sleep","100000"],"Init":true,\
                    "DNSConfig":{},"Isolation":"default"},"Resources":{"Limits":{},"Reservations":{}},"Placement":{},\
                    "Networks":[{"Target":"klwm4fka97anmw0ho84imxe41"}],"ForceUpdate":0},"ServiceID":"%s","Slot":%d,\
                    "NodeID":"%s","Status":{"Timestamp":"2026-12-02T13:22:47.41Z","State":"%s","Message":"%s",\
                    "ContainerStatus":{"ContainerID":"%s","PID":%d,"ExitCode":0},"PortStatus":{}},"DesiredState":"%s",\
                    "NetworksAttachments":[{"Network":{"ID":"klwm4fka97anmw0ho84imxe41","Version":{"Index":7},\
                    "CreatedAt":"2026-12-02T13:22:45.82Z","UpdatedAt":"2026-12-02T13:22:45.84Z","Spec":{"Name":"host",\
                    "Labels":{"com.docker.swarm.predefined":"true"},"DriverConfiguration":{"Name":"host"},"Scope":"swarm"},\
                    "DriverState":{"Name":"host"},"IPAMOptions":{"Driver":{}}}}]}"""
                    .formatted(id("t", i), 1000 + i, id("s", service), slot, NODE,
                            running ? "running" : "shutdown", running ? "started" : "shutdown",
                            (id("c", i) + id("c", i + 1)).repeat(2).substring(0, 64), running ? 3000 + i : 0,
                            running ? "running" : "shutdown"));
        }
        t.append(']');
        return new GeneratedSwarm(s.toString().getBytes(StandardCharsets.UTF_8), t.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A 25-character id like the engine's. */
    private static String id(String kind, int n) {
        String digits = Integer.toString(n, 36);
        return kind + "0".repeat(24 - digits.length()) + digits;
    }

    @Override
    public byte[] body(String path) {
        int query = path.indexOf('?');
        return switch (query < 0 ? path : path.substring(0, query)) {
            case "/info" -> info;
            case "/nodes" -> nodes;
            case "/services" -> services;
            case "/tasks" -> tasks;
            default -> null;
        };
    }
}
