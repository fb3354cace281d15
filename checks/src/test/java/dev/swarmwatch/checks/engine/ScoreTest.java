package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreTest {

    @ParameterizedTest(name = "{0} ok, {1} warning, {2} critical, {3} unknown -> {4}")
    @CsvSource({
            "0, 0, 0, 0, 100",
            "10, 0, 0, 0, 100",
            "9, 1, 0, 0, 95",
            "9, 0, 1, 0, 90",
            "9, 0, 0, 1, 90",
            "0, 0, 3, 0, 0",
            "1, 1, 1, 0, 50",
            "2, 0, 1, 0, 67"})
    void scoreIsTheWeightedShareOfPassingChecks(int ok, int warning, int critical, int unknown, int expected) {
        List<CheckReport> checks = new ArrayList<>();
        add(checks, ok, Status.OK);
        add(checks, warning, Status.WARNING);
        add(checks, critical, Status.CRITICAL);
        add(checks, unknown, Status.UNKNOWN);
        assertThat(Score.of(checks)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"OK, WARNING, WARNING", "WARNING, UNKNOWN, UNKNOWN", "UNKNOWN, CRITICAL, CRITICAL", "CRITICAL, OK, CRITICAL"})
    void worstOfOrdersUnknownBetweenWarningAndCritical(Status a, Status b, Status worst) {
        assertThat(a.worse(b)).isEqualTo(worst);
        assertThat(b.worse(a)).isEqualTo(worst);
    }

    private static void add(List<CheckReport> checks, int n, Status status) {
        for (int i = 0; i < n; i++) {
            checks.add(new CheckReport("k", Subject.service("s" + checks.size(), ""), CheckResult.of(status, "x")));
        }
    }
}
