package dev.swarmwatch.checks.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the {@link OptionProblem}s of one target while its kind checks each value, so that every
 * broken option is reported at once. One instance per validation; not shared.
 */
public final class Validation {
    private static final Pattern NAMED = Pattern.compile("([a-z][a-z0-9_]*): (.+)", Pattern.DOTALL);

    private final Options options;
    private final List<OptionProblem> problems = new ArrayList<>();

    public Validation(Options options) {
        this.options = options;
    }

    /** What a check of one value does; its {@link IllegalArgumentException} message is the problem. */
    @FunctionalInterface
    public interface ValueCheck<T> {
        void check(T value);
    }

    /** Checks the option's value when it has one. */
    public <T> Validation option(String name, Class<T> type, ValueCheck<T> check) {
        Optional<T> value = options.find(name, type);
        if (value.isPresent()) {
            run(name, () -> check.check(value.get()));
        }
        return this;
    }

    /**
     * Two thresholds that must be in order ({@code low} at most {@code high}), given or by default;
     * a problem of the target, since it is the pair that is wrong.
     */
    public <T extends Comparable<T>> Validation ordered(String low, String high, Class<T> type) {
        Optional<T> a = options.find(low, type);
        Optional<T> b = options.find(high, type);
        boolean eachFine = problems.stream().noneMatch(p -> p.option().equals(low) || p.option().equals(high));
        if (eachFine && a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) > 0) {
            problems.add(new OptionProblem(OptionProblem.TARGET, low + " (" + shown(a.get()) + ") is above "
                    + high + " (" + shown(b.get()) + ")"));
        }
        return this;
    }

    /** A whole-number option that must lie in a range, given or by default. */
    public Validation range(String name, int min, int max) {
        return option(name, Integer.class, v -> {
            if (v < min || v > max) {
                throw new IllegalArgumentException("expected " + (max == Integer.MAX_VALUE ? "at least " + min
                        : "from " + min + " to " + max) + ", got " + v);
            }
        });
    }

    private static String shown(Object value) {
        return value instanceof java.time.Duration d ? Durations.format(d) : String.valueOf(value);
    }

    /**
     * Checks the options together (thresholds in order, say), by building what the probe will use;
     * only when each value was fine on its own, so one mistake is not reported twice.
     */
    public Validation whole(Runnable build) {
        if (problems.isEmpty()) {
            run(OptionProblem.TARGET, build);
        }
        return this;
    }

    public List<OptionProblem> problems() {
        return List.copyOf(problems);
    }

    private void run(String option, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? "invalid value" : e.getMessage();
            // Target records name the option they reject ("url: ..."): that option is where it goes.
            Matcher named = NAMED.matcher(message);
            if (named.matches() && options.declares(named.group(1))
                    && (option.equals(OptionProblem.TARGET) || option.equals(named.group(1)))) {
                problems.add(new OptionProblem(named.group(1), named.group(2)));
            } else {
                problems.add(new OptionProblem(option, message));
            }
        }
    }
}
