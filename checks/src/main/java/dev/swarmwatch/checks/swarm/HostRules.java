package dev.swarmwatch.checks.swarm;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Where targets declared by service labels may point the agent: whoever deploys a service decides
 * what its labels say, so they must not make the agent probe the cloud metadata service, say. A host
 * is refused when it matches a deny rule, or when allow rules are given and it matches none.
 *
 * @param allow empty: any host not denied
 * @param deny  by default the link-local networks, where metadata services answer
 */
public record HostRules(List<HostRule> allow, List<HostRule> deny) {
    public static final List<String> DEFAULT_DENY = List.of("169.254.0.0/16", "fe80::/10");

    public HostRules {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public static HostRules defaults() {
        return new HostRules(List.of(), DEFAULT_DENY.stream().map(HostRule::parse).toList());
    }

    /** Why the host, as written, is refused, naming the rule; empty when it may be probed. */
    public Optional<String> refusal(String host) {
        return refusal(host, List.of());
    }

    /**
     * Why the host is refused, judging a name also by the addresses it resolves to, so that a name
     * pointing at a denied network is refused as that network would be.
     *
     * @param resolved the host's addresses; empty for an address, or a name that did not resolve
     */
    public Optional<String> refusal(String host, List<InetAddress> resolved) {
        for (HostRule rule : deny) {
            if (rule.matches(host)) {
                return Optional.of("host " + host + " is refused by discovery.deny rule " + rule.text());
            }
            for (InetAddress address : resolved) {
                if (rule.matches(address)) {
                    return Optional.of("host " + host + " (" + address.getHostAddress()
                            + ") is refused by discovery.deny rule " + rule.text());
                }
            }
        }
        boolean allowed = allow.isEmpty() || allow.stream().anyMatch(rule -> rule.matches(host))
                || !resolved.isEmpty() && resolved.stream().allMatch(a -> allow.stream().anyMatch(rule -> rule.matches(a)));
        if (!allowed) {
            return Optional.of("host " + host + " matches no discovery.allow rule ("
                    + String.join(", ", allow.stream().map(HostRule::text).toList()) + ")");
        }
        return Optional.empty();
    }
}
