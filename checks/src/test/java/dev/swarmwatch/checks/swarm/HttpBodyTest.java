package dev.swarmwatch.checks.swarm;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTP/1.1 body framing as dockerd sends it, and the cap. */
class HttpBodyTest {
    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void chunkedBodyIsDecodedToItsEnd() throws IOException {
        var body = new HttpBody.Chunked(bytes("4\r\n[{\"a\r\nc\r\n\":1},{}]    \r\n0\r\n\r\n"));
        assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("[{\"a\":1},{}]    ");
    }

    @Test
    void chunkedBodyCutOffIsReportedWithTheBytesReceived() {
        var body = new HttpBody.Chunked(bytes("a\r\n0123"));
        assertThatThrownBy(body::readAllBytes).isInstanceOf(AnswerException.CutOff.class)
                .hasMessage("the engine closed the connection in the middle of its answer, after 4 body bytes");
    }

    @Test
    void sizedBodyShorterThanAnnouncedIsCutOff() {
        var body = new HttpBody.Sized(bytes("0123"), 10);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(AnswerException.CutOff.class)
                .hasMessage("the engine closed the connection after 4 of 10 body bytes");
    }

    @Test
    void bodyOverTheCapIsTooLarge() throws IOException {
        assertThat(new HttpBody.Capped(bytes("12345"), 5).readAllBytes()).hasSize(5);
        assertThatThrownBy(() -> new HttpBody.Capped(bytes("123456"), 5).readAllBytes())
                .isInstanceOf(AnswerException.TooLarge.class).hasMessageContaining("larger than 5 bytes");
    }
}
