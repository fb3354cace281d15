package dev.swarmwatch.dashboards.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.engine.Score;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalDouble;

/**
 * The report as JSON, schema {@code swarmwatch.report/v1} (documented in the README). Fields are
 * only ever added within a schema version, never renamed or removed.
 *
 * <p>Strings are escaped as JSON does (a newline as backslash-n, ESC as backslash-u001B), and
 * further DEL, the C1 controls, line separators and bidirectional overrides as backslash-uXXXX:
 * JSON allows them raw, but {@code cat} on a terminal would act on them.
 */
public final class JsonReport {
    public static final String SCHEMA = "swarmwatch.report/v1";
    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new TerminalSafeEscapes());

    private JsonReport() {
    }

    public static String render(HealthReport report, ReportMeta meta) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("time", report.time().toString());
            json.writeNumberField("duration_ms", millis(report.duration()));
            json.writeStringField("status", report.worst().name());
            json.writeNumberField("exit_code", report.worst().exitCode());
            Score.Scores scores = report.scores();
            json.writeNumberField("score", scores.cluster());
            json.writeObjectFieldStart("scores");
            json.writeNumberField("cluster", scores.cluster());
            writeScores(json, "stacks", scores.stacks());
            writeScores(json, "services", scores.services());
            json.writeEndObject();
            json.writeObjectFieldStart("counts");
            for (Status s : Status.values()) {
                json.writeNumberField(s.name().toLowerCase(Locale.ROOT), report.count(s));
            }
            json.writeEndObject();
            json.writeObjectFieldStart("engine");
            json.writeStringField("host", meta.engine());
            json.writeNumberField("api_calls", meta.apiCalls());
            json.writeEndObject();
            json.writeArrayFieldStart("checks");
            for (CheckReport check : report.checks()) {
                writeCheck(json, check);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeScores(JsonGenerator json, String field, Map<String, Integer> scores) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Integer> e : new TreeMap<>(scores).entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }

    private static void writeCheck(JsonGenerator json, CheckReport check) throws IOException {
        CheckResult r = check.result();
        json.writeStartObject();
        json.writeStringField("id", check.id());
        json.writeStringField("kind", check.kind());
        json.writeStringField("name", check.name());
        json.writeStringField("subject", check.subject().name());
        json.writeStringField("stack", check.subject().stack());
        json.writeBooleanField("cluster", check.subject().cluster());
        json.writeStringField("status", r.status().name());
        json.writeStringField("summary", r.summary());
        json.writeArrayFieldStart("details");
        for (String d : r.details()) {
            json.writeString(d);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("perfdata");
        for (PerfDatum p : r.perfdata()) {
            json.writeStartObject();
            json.writeStringField("label", p.label());
            json.writeNumberField("value", p.value());
            json.writeStringField("unit", p.unit());
            optional(json, "warn", p.warn());
            optional(json, "crit", p.crit());
            optional(json, "min", p.min());
            optional(json, "max", p.max());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("time", r.time().toString());
        json.writeNumberField("duration_ms", millis(r.duration()));
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsDouble());
        } else {
            json.writeNullField(name);
        }
    }

    /** JSON's own escapes, plus the characters a terminal acts on that JSON leaves raw. */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean unsafe = (ch >= 0x80 && ch < 0xa0) || ch == 0x2028 || ch == 0x2029
                    || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);
            return unsafe ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
        }
    }

    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 10_000.0) / 100.0;
    }
}
