package dev.swarmwatch.tests.prometheus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names and labels of docs/metrics.md, the contract between the daemon and the rules and
 * dashboard, and a check that a PromQL expression names nothing else.
 */
record MetricsDoc(Set<String> metrics, Set<String> labels) {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** PromQL aggregations, functions and keywords the rules and dashboard may use. */
    static final Set<String> PROMQL = Set.of(
            "sum", "count", "min", "max", "avg", "topk", "bottomk", "quantile", "group", "stddev", "stdvar",
            "count_values", "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "time", "vector", "scalar", "absent", "absent_over_time",
            "rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets", "abs", "ceil", "floor",
            "round", "clamp", "clamp_min", "clamp_max", "timestamp", "sort", "sort_desc", "label_replace",
            "max_over_time", "min_over_time", "avg_over_time", "sum_over_time", "count_over_time",
            "last_over_time", "predict_linear", "inf", "nan");
    /** Labels every scrape adds. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    static MetricsDoc read(Path doc) throws IOException {
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> labels = new TreeSet<>();
        for (String line : Files.readAllLines(doc)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String name = firstCode(cells[1]);
            if (name == null || name.contains("*")) {
                continue; // jvm_*, process_*, system_*: Micrometer's binders, not swarmwatch's
            }
            metrics.add(name);
            Matcher m = CODE.matcher(cells[2]);
            while (m.find()) {
                labels.add(m.group(1).strip());
            }
        }
        // `state` is documented with its values: `state` (`ready`, `down`, ...); keep label names only.
        labels.removeAll(List.of("ready", "down", "not_ready", "drained"));
        return new MetricsDoc(Set.copyOf(metrics), Set.copyOf(labels));
    }

    private static String firstCode(String cell) {
        Matcher m = CODE.matcher(cell);
        return m.find() ? m.group(1).strip() : null;
    }

    /** Identifiers in the expression that are neither a documented metric or label nor PromQL. */
    Set<String> unknownNames(String expr) {
        String bare = expr
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ")   // string literals (label values, Grafana $vars)
                .replaceAll("\\[[^]]*]", " ")                 // range and subquery selectors
                .replaceAll("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b", " ");
        Set<String> unknown = new TreeSet<>();
        Matcher m = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*").matcher(bare);
        while (m.find()) {
            String id = m.group();
            boolean ok = metrics.contains(id) || labels.contains(id) || TARGET_LABELS.contains(id)
                    || (!id.startsWith("swarmwatch_") && PROMQL.contains(id));
            if (!ok) {
                unknown.add(id);
            }
        }
        return unknown;
    }
}
