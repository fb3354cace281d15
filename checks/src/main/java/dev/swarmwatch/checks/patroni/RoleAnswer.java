package dev.swarmwatch.checks.patroni;

import java.util.Objects;

/**
 * How a member answered its role endpoint.
 *
 * @param expectation what was asked
 * @param httpStatus  the HTTP status, 0 when there was no answer
 * @param failure     why there was no answer ("connection refused", ...), "" when there was one
 */
public record RoleAnswer(RoleExpectation expectation, int httpStatus, String failure) {

    public RoleAnswer {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(failure, "failure");
        if ((httpStatus == 0) == failure.isEmpty()) {
            throw new IllegalArgumentException("a role answer has either an HTTP status or a failure");
        }
    }

    public static RoleAnswer answered(RoleExpectation expectation, int httpStatus) {
        return new RoleAnswer(expectation, httpStatus, "");
    }

    public static RoleAnswer failed(RoleExpectation expectation, String failure) {
        return new RoleAnswer(expectation, 0, failure);
    }

    public boolean met() {
        return httpStatus == 200;
    }
}
