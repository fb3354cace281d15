package dev.swarmwatch.checks.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The words for network failures, from real sockets on loopback where one can produce the failure. */
class FailureWordsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aClosedPortIsConnectionRefusedWithTheClassOnlyInTheDetail() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        Exception e = connect(new Socket(), port, 2000);
        assertThat(FailureWords.summary(e)).isEqualTo("connection refused");
        assertThat(FailureWords.detail(e)).startsWith("error: java.net.ConnectException: Connection refused");
    }

    @Test
    void aListenerWhoseBacklogIsFullIsConnectionTimedOut() throws Exception {
        // Linux drops a SYN while the accept queue is full, so a connect to it never completes.
        try (ServerSocket full = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> queued = new ArrayList<>();
            try {
                Exception e = null;
                for (int i = 0; i < 8 && e == null; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    e = connect(s, full.getLocalPort(), 300);
                }
                assertThat(e).as("a connect to a full backlog timed out").isNotNull();
                assertThat(FailureWords.summary(e)).isEqualTo("connection timed out");
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aServerWithASelfSignedCertificateIsATlsHandshakeFailureInWords(@TempDir Path dir) throws Exception {
        SSLContext server = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(selfSigned(dir), "changeit".toCharArray());
        server.init(keys.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 5, LOOPBACK)) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = listener.accept(); InputStream in = s.getInputStream()) {
                    in.read();
                } catch (Exception ignored) {
                    // the client gives up on the handshake
                }
            });
            SSLSocket client = (SSLSocket) SSLSocketFactory.getDefault().createSocket(LOOPBACK, listener.getLocalPort());
            Exception e = handshake(client);
            assertThat(e).isInstanceOf(SSLHandshakeException.class);
            assertThat(FailureWords.summary(e)).isEqualTo("TLS handshake failed: certificate not trusted (unknown issuer or self-signed)");
            assertThat(FailureWords.detail(e)).contains("javax.net.ssl.SSLHandshakeException");
        }
    }

    @Test
    void aPlainServerAnsweringATlsClientDoesNotSpeakTls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 5, LOOPBACK)) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = plain.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.getInputStream().read();
                } catch (Exception ignored) {
                    // the client hangs up
                }
            });
            Exception e = handshake((SSLSocket) SSLSocketFactory.getDefault().createSocket(LOOPBACK, plain.getLocalPort()));
            assertThat(FailureWords.summary(e)).isEqualTo("TLS handshake failed: the server does not speak TLS");
        }
    }

    @Test
    void wrappedCausesAndSuppressedOnesAreFoundAndClassNamesLeaveTheSummary() {
        assertThat(FailureWords.summary(new RuntimeException("lookup", new UnknownHostException("db.invalid: Name or service not known"))))
                .isEqualTo("host not found: db.invalid");
        RuntimeException summaryOnly = new RuntimeException("Failed to connect to any host");
        summaryOnly.addSuppressed(new java.net.SocketTimeoutException("Connect timed out"));
        assertThat(FailureWords.summary(summaryOnly)).isEqualTo("connection timed out");
        assertThat(FailureWords.summary(new java.net.SocketTimeoutException("Read timed out"))).isEqualTo("read timed out");
        assertThat(FailureWords.summary(new java.net.SocketException("Connection reset"))).isEqualTo("connection reset by the server");
        assertThat(FailureWords.summary(new java.net.NoRouteToHostException("No route to host"))).isEqualTo("host unreachable");
        SSLHandshakeException wrapped = new SSLHandshakeException("Failed to create SSL connection");
        wrapped.initCause(new SSLHandshakeException("PKIX path building failed: sun.security.provider.certpath."
                + "SunCertPathBuilderException: unable to find valid certification path to requested target"));
        assertThat(FailureWords.summary(wrapped)).isEqualTo("TLS handshake failed: certificate not trusted (unknown issuer or self-signed)");
        SSLHandshakeException expired = new SSLHandshakeException("x");
        expired.initCause(new CertificateExpiredException("NotAfter: ..."));
        assertThat(FailureWords.summary(expired))
                .isEqualTo("TLS handshake failed: certificate expired");
        assertThat(FailureWords.summary(new IllegalStateException("bad: sun.security.validator.ValidatorException: odd thing")))
                .isEqualTo("bad: odd thing");
        assertThat(FailureWords.summary(new NullPointerException())).isEqualTo("unexpected error");
        assertThat(FailureWords.detail(new NullPointerException())).isEqualTo("error: java.lang.NullPointerException");
        assertThat(FailureWords.network(new IllegalStateException("boom"))).isEmpty();
    }

    private static Exception connect(Socket socket, int port, int timeoutMs) {
        try {
            socket.connect(new InetSocketAddress(LOOPBACK, port), timeoutMs);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static Exception handshake(SSLSocket client) throws Exception {
        try (client) {
            client.setSoTimeout(5000);
            client.startHandshake();
            return null;
        } catch (javax.net.ssl.SSLException e) {
            return e;
        }
    }

    private static KeyStore selfSigned(Path dir) throws Exception {
        Path file = dir.resolve("self.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "test", "-keyalg", "EC", "-validity", "2", "-dname", "CN=localhost",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }
}
