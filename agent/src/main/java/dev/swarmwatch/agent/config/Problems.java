package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.YamlNode.Mark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found while binding one file, collected so that all of them are reported at once. */
final class Problems {
    private final String file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** @param path dotted key path; empty for the document root */
    void add(Mark at, String path, String message) {
        found.add(new ConfigProblem(file, at.line(), at.column(), path.isEmpty() ? ConfigProblem.DOCUMENT : path,
                message));
    }

    /** How many problems so far: a binder compares before and after to tell whether a part was sound. */
    int count() {
        return found.size();
    }

    /**
     * Throws when anything was found. Sorted by position because a mapping's key problems are found
     * before its values are visited; the sort is stable, so problems at one spot keep their order.
     */
    void throwIfAny() throws ConfigException {
        if (!found.isEmpty()) {
            List<ConfigProblem> inOrder = new ArrayList<>(found);
            inOrder.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(inOrder);
        }
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
