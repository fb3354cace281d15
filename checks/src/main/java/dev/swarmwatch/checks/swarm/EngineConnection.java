package dev.swarmwatch.checks.swarm;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 GET to the engine on a connection of its own, over the JDK's {@link SocketChannel}
 * (a unix socket or TCP, with or without TLS). {@link #close()} may be called from any thread: it wakes a thread
 * blocked in connect or read at once, which is how a call's deadline frees its pool thread.
 * Not thread-safe otherwise: one thread drives a connection.
 */
final class EngineConnection implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;

    /** How far a call got, for the message when it is cut off. */
    enum Phase { CONNECTING, HANDSHAKE, WAITING, BODY }

    private final SocketChannel channel;
    private final EngineTlsSetup tlsSetup;
    private TlsChannel tls;
    private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024).flip();
    private volatile Phase phase = Phase.CONNECTING;
    private volatile int status;
    private volatile long bodyBytes;

    private EngineConnection(SocketChannel channel, EngineTlsSetup tlsSetup) {
        this.channel = channel;
        this.tlsSetup = tlsSetup;
    }

    /**
     * An unconnected channel for the host, so it can be closed while it connects.
     *
     * @param tlsSetup TLS for a tcp:// host; null for none
     */
    static EngineConnection forHost(URI host, EngineTlsSetup tlsSetup) throws IOException {
        return new EngineConnection("unix".equals(host.getScheme())
                ? SocketChannel.open(java.net.StandardProtocolFamily.UNIX)
                : SocketChannel.open(), "unix".equals(host.getScheme()) ? null : tlsSetup);
    }

    /** Connects, sends the request and reads the status line and headers. */
    Response get(URI host, String path) throws IOException {
        channel.connect(address(host));
        if (tlsSetup != null) {
            phase = Phase.HANDSHAKE;
            tls = tlsSetup.open(channel, host, port(host));
            tls.handshake();
        }
        phase = Phase.WAITING;
        String hostHeader = "unix".equals(host.getScheme()) ? "docker" : host.getHost() + ":" + port(host);
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: swarmwatch\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        if (tls != null) {
            tls.write(out);
        }
        while (out.hasRemaining()) {
            channel.write(out);
        }
        String statusLine = line(true);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new AnswerException.Malformed("not an HTTP answer: " + excerpt(statusLine));
        }
        status = parseInt(parts[1], "status");
        long length = -1;
        boolean chunked = false;
        for (String header = line(false); !header.isEmpty(); header = line(false)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new AnswerException.Malformed("bad header line: " + excerpt(header));
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = parseLong(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        phase = Phase.BODY;
        InputStream raw = new RawInput();
        InputStream body = status == 204 || status == 304 ? InputStream.nullInputStream()
                : chunked ? new HttpBody.Chunked(raw)
                : length >= 0 ? new HttpBody.Sized(raw, length)
                : raw;
        return new Response(status, length, body);
    }

    /** @param length the announced Content-Length, -1 when not announced */
    record Response(int status, long length, InputStream body) {
    }

    Phase phase() {
        return phase;
    }

    int status() {
        return status;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static SocketAddress address(URI host) {
        return switch (host.getScheme()) {
            case "unix" -> UnixDomainSocketAddress.of(host.getPath());
            case "tcp", "http" -> new InetSocketAddress(host.getHost(), port(host));
            default -> throw new IllegalArgumentException("unsupported engine URL scheme: " + host.getScheme());
        };
    }

    private static int port(URI host) {
        return host.getPort() < 0 ? 2375 : host.getPort();
    }

    /** One CRLF-terminated head line; the whole head is bounded. */
    private final StringBuilder head = new StringBuilder();
    private int headBytes;

    private String line(boolean first) throws IOException {
        head.setLength(0);
        while (true) {
            if (!buffer.hasRemaining() && !fill()) {
                throw new AnswerException.CutOff(first && headBytes == 0
                        ? "the engine closed the connection without answering"
                        : "the engine closed the connection in the middle of its answer's headers");
            }
            char c = (char) (buffer.get() & 0xff);
            if (++headBytes > MAX_HEAD) {
                throw new AnswerException.TooLarge("answer headers longer than " + MAX_HEAD / 1024 + " KB");
            }
            if (c == '\n') {
                int end = head.length();
                return end > 0 && head.charAt(end - 1) == '\r' ? head.substring(0, end - 1) : head.toString();
            }
            head.append(c);
        }
    }

    private boolean fill() throws IOException {
        buffer.clear();
        int n;
        try {
            n = tls != null ? tls.read(buffer) : channel.read(buffer);
        } finally {
            buffer.flip();
        }
        return n > 0;
    }

    /** The connection's bytes after the head, counted. */
    private final class RawInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!buffer.hasRemaining() && !fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            bodyBytes += n;
            return n;
        }
    }

    private static int parseInt(String text, String what) throws AnswerException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new AnswerException.Malformed("bad " + what + " in the answer: " + excerpt(text));
        }
    }

    private static long parseLong(String text) throws AnswerException {
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new AnswerException.Malformed("bad Content-Length: " + excerpt(text));
        }
    }

    static String excerpt(String text) {
        return '"' + Bounded.text(text, 80) + '"';
    }
}
