package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.YamlNode.Mark;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.OptionProblem;
import dev.swarmwatch.checks.spi.Options;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a declared kind's own checks of its values ({@link DeclaredKind#validate}) when the config is
 * read, and reports each problem at the line of the option's value, so that {@code validate} finds
 * what the first probe would otherwise fail on.
 */
final class ValueCheck {
    private final Problems problems;

    ValueCheck(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param written     the options this section gives, with where each is written
     * @param elsewhere   options given in another section (kind-wide), whose problems are reported there
     * @param at          where the section starts, for problems of options it does not give
     * @param wholeTarget whether this section is a whole target: then options that only fail together,
     *                    and options it inherits, are reported here too
     * @return whether the values are fine
     */
    boolean check(CheckKind kind, Options options, Map<String, Scalars.Text> written, Set<String> elsewhere,
                  Mark at, String path, boolean wholeTarget) {
        if (!(kind instanceof DeclaredKind declaredKind)) {
            return true;
        }
        List<OptionProblem> found = declaredKind.validate(options);
        for (OptionProblem problem : found) {
            Scalars.Text text = problem.wholeTarget() ? null : written.get(problem.option());
            if (text != null) {
                // Parsers quote what they reject; a value read from a secret file is never shown.
                problems.add(text.mark(), text.path(), text.secretFile()
                        .map(f -> "content of " + f + " is not a valid " + problem.option())
                        .orElse(problem.message()));
            } else if (wholeTarget && (problem.wholeTarget() || !elsewhere.contains(problem.option()))) {
                problems.add(at, problem.wholeTarget() ? path : Problems.child(path, problem.option()), problem.message());
            }
        }
        return found.isEmpty();
    }
}
