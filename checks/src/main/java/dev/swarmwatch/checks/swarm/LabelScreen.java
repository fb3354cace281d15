package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.OptionProblem;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.SafeText;
import io.vertx.core.Future;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Holds targets declared by service labels to the rules config targets meet, and to the discovery
 * host rules: whoever deploys a service decides what its labels say. A label target whose values
 * the kind refuses ({@link DeclaredKind#validate}: the same checks, so one rule for both) or whose
 * host a rule refuses becomes unusable, UNKNOWN with the label or the rule named. Host names are
 * judged by the addresses they resolve to as well, once per cycle.
 */
public final class LabelScreen {
    private static final String FOLLOW_REDIRECTS = "follow_redirects";
    private LabelScreen() {
    }

    /** What a name resolves to; empty when it does not. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String name);

        /** The JDK's resolver (and its cache), as the probes themselves resolve. */
        static Resolver system() {
            return name -> {
                try {
                    return List.of(InetAddress.getAllByName(name));
                } catch (UnknownHostException | SecurityException e) {
                    // Not reachable under that name; the probe reports it in its own words.
                    return List.of();
                }
            };
        }
    }

    /**
     * {@link #screen} on a virtual thread, since checking a CA file or looking up a name blocks.
     * Rebinding between this lookup and the probe's own is not prevented; what this stops is a
     * label that names a denied network, or a name that resolves into one.
     */
    public static Future<List<CheckTarget>> screened(CheckContext context, CheckKind kind, List<CheckTarget> targets,
                                                     HostRules rules) {
        if (!(kind instanceof DeclaredKind) || targets.stream().noneMatch(CheckTarget::usable)) {
            return Future.succeededFuture(targets);
        }
        return context.blocking(() -> screen(kind, targets, rules, Resolver.system()));
    }

    /** The targets, those that fail a value check or a host rule made unusable with the reason. */
    public static List<CheckTarget> screen(CheckKind kind, List<CheckTarget> targets, HostRules rules, Resolver resolver) {
        if (!(kind instanceof DeclaredKind declaredKind)) {
            return targets;
        }
        List<CheckTarget> screened = new ArrayList<>();
        for (CheckTarget t : targets) {
            String problem = t.usable() ? problem(declaredKind, t, rules, resolver) : t.problem();
            Options options = t.options();
            // The host rules judge the hosts a label names; a redirect would lead wherever its server
            // says, past them. So a label target never follows one: a 3xx is judged as an answer.
            if (problem.isEmpty() && options.declares(FOLLOW_REDIRECTS)) {
                options = options.with(java.util.Map.of(FOLLOW_REDIRECTS, false));
            }
            screened.add(problem.equals(t.problem()) && options == t.options() ? t
                    : new CheckTarget(t.name(), t.subject(), options, t.replicas(), t.origin(), problem));
        }
        return screened;
    }

    private static String problem(DeclaredKind kind, CheckTarget target, HostRules rules, Resolver resolver) {
        String labelPrefix = labelPrefix(kind, target);
        List<String> problems = new ArrayList<>();
        for (OptionProblem problem : kind.validate(target.options())) {
            problems.add(problem.wholeTarget() ? "labels " + labelPrefix + "*: " + problem.message()
                    : "label " + labelPrefix + problem.option() + ": " + problem.message());
        }
        if (problems.isEmpty()) {
            kind.hosts(target).stream().distinct().map(host -> {
                String shown = SafeText.line(host, 100);
                return HostRule.isAddress(host) ? rules.refusal(shown) : rules.refusal(shown, resolver.resolve(host));
            }).flatMap(Optional::stream).findFirst().ifPresent(problems::add);
        }
        return String.join("; ", problems);
    }

    /** {@code swarmwatch.http.} for the target named after its service, {@code swarmwatch.http.api.} for web.api. */
    private static String labelPrefix(CheckKind kind, CheckTarget target) {
        String service = target.subject().name();
        String own = target.name().startsWith(service + ".") ? target.name().substring(service.length() + 1) + "." : "";
        return LabelTargets.PREFIX + kind.name() + "." + own;
    }
}
