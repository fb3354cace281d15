package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.checks.spi.CheckReport;

import java.util.Map;
import java.util.Optional;

/**
 * A rule whose condition holds for one check (or score) in this step.
 *
 * @param report the check it is about; empty for score rules
 */
record Candidate(Rule rule, String fingerprint, Map<String, String> labels, Map<String, String> annotations,
                 String subject, Optional<CheckReport> report) {

    String label(String name) {
        return labels.getOrDefault(name, "");
    }
}
