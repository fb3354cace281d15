package dev.swarmwatch.checks.http;

import dev.swarmwatch.checks.spi.Replica;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL that may name a replica: {@code {{slot}}} is the task's slot, {@code {{address}}} its network
 * address, e.g. {@code http://{{address}}:8080/health} on an overlay network, or
 * {@code http://127.0.1.{{slot}}:8080/} where each replica binds its own loopback address.
 */
public record UrlTemplate(String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    public UrlTemplate {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("slot") && !m.group(1).equals("address")) {
                throw new IllegalArgumentException("url: unknown placeholder {{" + m.group(1) + "}} (known: {{slot}}, {{address}})");
            }
        }
    }

    public boolean perReplica() {
        return PLACEHOLDER.matcher(text).find();
    }

    public boolean needsAddress() {
        return text.replace(" ", "").contains("{{address}}");
    }

    public String expand(Replica replica) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("slot") ? String.valueOf(replica.slot()) : replica.address();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
