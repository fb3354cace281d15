package dev.swarmwatch.checks.spi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret values and URL credentials never survive a text the redactor has seen. */
class RedactorTest {

    @Test
    void userinfoPasswordsAreMaskedInAnyScheme() {
        assertThat(UrlCredentials.mask("cannot dial tcp://ops:pa55w0rd@10.0.0.1:2375: refused"))
                .isEqualTo("cannot dial tcp://ops:***@10.0.0.1:2375: refused");
        assertThat(UrlCredentials.mask("GET https://admin:hunter2@example.test/x and http://u:p@h/"))
                .isEqualTo("GET https://admin:***@example.test/x and http://u:***@h/");
        assertThat(UrlCredentials.mask("https://ghp_tokenonly@github.example/repo"))
                .isEqualTo("https://***@github.example/repo");
        assertThat(UrlCredentials.mask("mail ops@example.test at http://example.test/a@b"))
                .isEqualTo("mail ops@example.test at http://example.test/a@b");
    }

    @Test
    void secretQueryParametersAndWebhookPathsAreMasked() {
        assertThat(UrlCredentials.mask("no answer: http://h:8080/health?token=abc123&x=1"))
                .isEqualTo("no answer: http://h:8080/health?token=***&x=1");
        assertThat(UrlCredentials.mask("https://h/?api_key=K&access_token=T&signature=S&page=2"))
                .isEqualTo("https://h/?api_key=***&access_token=***&signature=***&page=2");
        assertThat(UrlCredentials.mask("posting to https://hooks.slack.com/services/T000/B000/XXXXsecret failed"))
                .isEqualTo("posting to https://hooks.slack.com/services/*** failed");
        assertThat(UrlCredentials.mask("https://discord.com/api/webhooks/123/abcDEF"))
                .isEqualTo("https://discord.com/api/webhooks/***");
    }

    @Test
    void authorizationHeadersWrittenInATextAreMasked() {
        assertThat(UrlCredentials.mask("401: you sent Authorization: Bearer eyJhbGciOi.x.y, go away"))
                .isEqualTo("401: you sent Authorization: Bearer ***, go away");
        assertThat(UrlCredentials.mask("{\"authorization\":\"Basic dXNlcjpwYXNz\"}"))
                .isEqualTo("{\"authorization\":\"Basic ***\"}");
    }

    @Test
    void credentialsFoundAreWhatMaskHides() {
        assertThat(UrlCredentials.find("tcp://ops:pa55w0rd@h:1 https://tok@h/ https://h/?token=abc&x=1"))
                .containsExactly("pa55w0rd", "tok", "abc");
        assertThat(UrlCredentials.find("https://hooks.slack.com/services/T1/B2/sekrit")).containsExactly("T1/B2/sekrit");
        assertThat(UrlCredentials.find("plain text")).isEmpty();
    }

    @Test
    void secretValuesAreReplacedWhereverTheyAppearLongestFirst() {
        Redactor r = Redactor.of(List.of("hunter2", "hunter2-and-more", "abc"));
        assertThat(r.size()).isEqualTo(2); // "abc" is too short to tell from ordinary words
        assertThat(r.text("login failed: password hunter2-and-more (was hunter2)"))
                .isEqualTo("login failed: password *** (was ***)");
        assertThat(r.text("abc is kept")).isEqualTo("abc is kept");
    }

    @Test
    void aSecretCutByAnEllipsisLosesItsPrefixToo() {
        Redactor r = Redactor.of(Set.of("tok-9f8e7d6c5b4a"));
        assertThat(r.text("body: you sent Bearer tok-9f8e7\u2026")).isEqualTo("body: you sent Bearer ***\u2026");
        assertThat(r.text("body: tok-9f...")).isEqualTo("body: ***...");
        assertThat(r.text("body: nothing of it\u2026")).isEqualTo("body: nothing of it\u2026");
    }

    @Test
    void aReportIsRedactedInNamesSummaryDetailsAndPerfdataLabels() {
        Redactor r = Redactor.of(Set.of("s3cr3t-value"));
        CheckResult result = CheckResult.critical("status 401: echo s3cr3t-value")
                .withDetails(List.of("body: Authorization: Bearer s3cr3t-value", "plain"))
                .withPerfdata(List.of(PerfDatum.of("time", 1, "s")));
        CheckReport report = new CheckReport("http", Subject.service("web", "shop"), "api-s3cr3t-value", result);
        CheckReport out = r.report(report);
        assertThat(out.result().summary()).isEqualTo("status 401: echo ***");
        assertThat(out.result().details()).containsExactly("body: Authorization: Bearer ***", "plain");
        assertThat(out.name()).isEqualTo("api-***");
        assertThat(out.result().status()).isEqualTo(Status.CRITICAL);

        CheckReport clean = new CheckReport("http", Subject.service("web", ""), "api", CheckResult.ok("200 OK"));
        assertThat(r.report(clean)).isSameAs(clean);
    }
}
