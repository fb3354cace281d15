package dev.swarmwatch.checks.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials that URLs carry, wherever such a URL sits in a text: the password of a
 * userinfo ({@code tcp://user:***@host}; a userinfo without a password is a token and is masked
 * whole), the values of query parameters whose names say they are secret ({@code ?token=***}),
 * and the secret paths of webhook URLs (Slack, Discord, Microsoft Teams), and an
 * {@code Authorization} header written out in a text. Used on every message, log line and report.
 */
public final class UrlCredentials {
    public static final String MASK = "***";

    // scheme://userinfo@ ; the userinfo may not contain '/', '@' or white space.
    private static final Pattern USERINFO = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*://)([^/@\\s?#:]*)(?::([^/@\\s?#]*))?@");
    private static final Pattern QUERY = Pattern.compile(
            "([?&;](?:[A-Za-z0-9_.-]*(?:token|secret|passw|pwd|key|auth|sig|credential|session)"
                    + "[A-Za-z0-9_.-]*|code)=)[^&#\\s\"'<>]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEBHOOK = Pattern.compile(
            "((?:hooks\\.slack\\.com/(?:services|workflows|triggers)"
                    + "|(?:discord|discordapp)\\.com/api/webhooks"
                    + "|webhook\\.office\\.com/webhookb2)/)[^\\s\"'<>?#]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)(?:(bearer|basic|token|digest|negotiate)\\s+)?[^\\s\",;]+",
            Pattern.CASE_INSENSITIVE);

    private UrlCredentials() {
    }

    /** The text with every credential of the kinds above replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty() || !suspicious(text)) {
            return text;
        }
        String out = userinfo(text);
        out = QUERY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = WEBHOOK.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = AUTH_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK));
        return out;
    }

    /**
     * The credentials {@link #mask} would hide in this text, as they are written: what a config
     * value holding such a URL or header adds to the secrets a {@link Redactor} looks for.
     */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || !suspicious(text)) {
            return found;
        }
        Matcher m = USERINFO.matcher(text);
        while (m.find()) {
            found.add(m.group(3) == null ? m.group(2) : m.group(3));
        }
        for (Pattern p : List.of(QUERY, WEBHOOK)) {
            Matcher q = p.matcher(text);
            while (q.find()) {
                found.add(text.substring(q.end(1), q.end()));
            }
        }
        Matcher a = AUTH_HEADER.matcher(text);
        while (a.find()) {
            found.add(text.substring(a.end(2) < 0 ? a.end(1) : a.end(2), a.end()).strip());
        }
        found.removeIf(String::isEmpty);
        return found;
    }

    private static String userinfo(String text) {
        return USERINFO.matcher(text).replaceAll(m -> {
            String user = m.group(2);
            String masked = m.group(3) == null ? MASK : (user.isEmpty() ? "" : user) + ":" + MASK;
            return Matcher.quoteReplacement(m.group(1) + masked + "@");
        });
    }

    // Cheap test so that most texts (no URL, no header) skip the regular expressions.
    private static boolean suspicious(String text) {
        return text.contains("://") || text.indexOf('=') >= 0 || containsIgnoreCase(text, "authorization")
                || containsIgnoreCase(text, "hooks.slack.com") || containsIgnoreCase(text, "webhook");
    }

    private static boolean containsIgnoreCase(String text, String word) {
        int n = word.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
