package dev.swarmwatch.checks.patroni;

/** {@code GET /cluster} answers copied from the Patroni 3.0.2 test bed (tests/bed/patroni.sh), and edits of them. */
final class ClusterJson {
    private ClusterJson() {
    }

    static final String HEALTHY = """
            {"members": [{"name": "node1", "role": "leader", "state": "running", "api_url": "http://127.0.0.1:8001/patroni", \
            "host": "127.0.0.1", "port": 5441, "timeline": 2}, \
            {"name": "node2", "role": "replica", "state": "running", "api_url": "http://127.0.0.1:8002/patroni", \
            "host": "127.0.0.1", "port": 5442, "timeline": 2, "lag": 0}, \
            {"name": "node3", "role": "replica", "state": "running", "api_url": "http://127.0.0.1:8003/patroni", \
            "host": "127.0.0.1", "port": 5443, "timeline": 2, "lag": 0}]}""";

    /** Maintenance mode on, then node3's PostgreSQL stopped by hand: no timeline, lag "unknown". */
    static final String PAUSED_WITH_STOPPED_REPLICA = """
            {"members": [{"name": "node1", "role": "leader", "state": "running", "api_url": "http://127.0.0.1:8001/patroni", \
            "host": "127.0.0.1", "port": 5441, "timeline": 2}, \
            {"name": "node2", "role": "replica", "state": "running", "api_url": "http://127.0.0.1:8002/patroni", \
            "host": "127.0.0.1", "port": 5442, "timeline": 2, "lag": 0}, \
            {"name": "node3", "role": "replica", "state": "stopped", "api_url": "http://127.0.0.1:8003/patroni", \
            "host": "127.0.0.1", "port": 5443, "lag": "unknown"}], "pause": true}""";

    static final String DEFAULT_MEMBERS = "http://127.0.0.1:8001,http://127.0.0.1:8002,http://127.0.0.1:8003";

    /** HEALTHY with one member's JSON fields replaced: {@code edit("node2", "\"lag\": 0", "\"lag\": 5000000")}. */
    static String edit(String json, String member, String from, String to) {
        int at = json.indexOf("\"name\": \"" + member + "\"");
        int end = json.indexOf('}', at);
        String one = json.substring(at, end);
        if (!one.contains(from)) {
            throw new IllegalArgumentException(member + " has no " + from);
        }
        return json.substring(0, at) + one.replace(from, to) + json.substring(end);
    }
}
