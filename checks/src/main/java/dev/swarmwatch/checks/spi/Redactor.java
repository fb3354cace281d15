package dev.swarmwatch.checks.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces the secret values the config holds (passwords, tokens, authorization values, URL
 * credentials) with {@code ***} in any text, and masks URL credentials with {@link UrlCredentials}.
 * One instance per loaded config; every report passes through it before a front-end sees it, so a
 * secret a probed server echoes back (a 401 page quoting the request's Authorization header) is
 * hidden too. A text cut short with an ellipsis right inside a secret loses that secret's prefix.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} characters are not searched for: they cannot be told
 * apart from ordinary words and would make every report unreadable.
 */
public final class Redactor {
    public static final int MIN_LENGTH = 4;
    private static final String MASK = UrlCredentials.MASK;
    private static final Redactor URLS_ONLY = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for these values (and URL credentials); blank and too-short values are skipped. */
    public static Redactor of(Collection<String> values) {
        Objects.requireNonNull(values, "values");
        Set<String> kept = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && v.strip().length() >= MIN_LENGTH) {
                kept.add(v);
            }
        }
        // Longest first, so a secret that contains another is replaced whole.
        List<String> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted.isEmpty() ? URLS_ONLY : new Redactor(List.copyOf(sorted));
    }

    /** This redactor's secrets and these more. */
    public Redactor with(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return of(all);
    }

    /** Masks URL credentials only: for output that no config stands behind. */
    public static Redactor urlsOnly() {
        return URLS_ONLY;
    }

    /** How many secret values this redactor hides. */
    public int size() {
        return secrets.size();
    }

    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = cutSecrets(out);
        return UrlCredentials.mask(out);
    }

    public List<String> texts(List<String> texts) {
        List<String> out = null;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            String r = text(t);
            if (!r.equals(t) && out == null) {
                out = new ArrayList<>(texts.subList(0, i));
            }
            if (out != null) {
                out.add(r);
            }
        }
        return out == null ? texts : out;
    }

    public CheckResult result(CheckResult r) {
        String summary = text(r.summary());
        List<String> details = texts(r.details());
        List<PerfDatum> perf = r.perfdata();
        if (perf.stream().anyMatch(p -> !text(p.label()).equals(p.label()))) {
            perf = perf.stream().map(p -> new PerfDatum(text(p.label()), p.value(), p.unit(), p.warn(), p.crit(),
                    p.min(), p.max())).toList();
        }
        if (summary.equals(r.summary()) && details == r.details() && perf == r.perfdata()) {
            return r;
        }
        return new CheckResult(r.status(), summary, details, perf, r.time(), r.duration());
    }

    /** The report with every text of it redacted: names, summary, details, perfdata labels. */
    public CheckReport report(CheckReport c) {
        CheckResult result = result(c.result());
        Subject s = c.subject();
        String name = text(c.name());
        Subject subject = s.cluster() ? s : new Subject(text(s.name()), text(s.stack()), false);
        if (result == c.result() && name.equals(c.name()) && subject.equals(s)) {
            return c;
        }
        return new CheckReport(c.kind(), subject, name, result);
    }

    // "...hunter2-se..." : a secret cut where an excerpt ends still shows its start.
    private String cutSecrets(String text) {
        if (secrets.isEmpty() || (text.indexOf('\u2026') < 0 && !text.contains("..."))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = out.length() - 1; i >= 0; i--) {
            boolean ellipsis = out.charAt(i) == '\u2026'
                    || (i + 2 < out.length() && out.charAt(i) == '.' && out.charAt(i + 1) == '.' && out.charAt(i + 2) == '.'
                    && (i == 0 || out.charAt(i - 1) != '.'));
            if (!ellipsis) {
                continue;
            }
            for (String secret : secrets) {
                int k = longestPrefixEndingAt(out, i, secret);
                if (k > 0) {
                    out.replace(i - k, i, MASK);
                    i -= k;
                    break;
                }
            }
        }
        return out.toString();
    }

    private static int longestPrefixEndingAt(CharSequence text, int end, String secret) {
        int min = Math.min(3, secret.length() - 1);
        for (int k = Math.min(secret.length() - 1, end); k >= Math.max(1, min); k--) {
            boolean same = true;
            for (int j = 0; j < k && same; j++) {
                same = text.charAt(end - k + j) == secret.charAt(j);
            }
            if (same) {
                return k;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secrets]";
    }
}
