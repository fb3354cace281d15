package dev.swarmwatch.checks.swarm;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * TLS over the connection's blocking {@link SocketChannel}, driven by an {@link SSLEngine} on the
 * calling thread. Every wait is a channel read, so closing the channel from the deadline timer wakes
 * a stuck handshake exactly as it wakes a stuck read. Failures are {@link EngineTlsException}s
 * worded by {@link TlsWords}.
 */
final class TlsChannel {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final byte[] PLAIN_HTTP = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final TlsWords words;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean handshaking = true;

    TlsChannel(SocketChannel channel, SSLEngine engine, TlsWords words) {
        this.channel = channel;
        this.engine = engine;
        this.words = words;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet).flip();
        this.netOut = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    }

    /** Runs the whole handshake; the engine's certificate is checked on the way. */
    void handshake() throws IOException {
        try {
            engine.beginHandshake();
            HandshakeStatus status = engine.getHandshakeStatus();
            while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
                status = step(status);
            }
            handshaking = false;
        } catch (SSLException e) {
            throw words.failure(e, true);
        }
    }

    /** Reads decrypted bytes into {@code dst}; -1 at the end of the stream. */
    int read(ByteBuffer dst) throws IOException {
        try {
            while (!appIn.hasRemaining()) {
                if (!unwrap()) {
                    return -1;
                }
                HandshakeStatus status = engine.getHandshakeStatus();
                while (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
                    // TLS 1.3 messages after the handshake (tickets, key updates).
                    status = step(status);
                }
            }
        } catch (SSLException e) {
            // A TLS 1.3 server judges the client certificate after our Finished: its alert comes here.
            throw words.failure(e, false);
        }
        int n = Math.min(dst.remaining(), appIn.remaining());
        dst.put(appIn.slice(appIn.position(), n));
        appIn.position(appIn.position() + n);
        return n;
    }

    void write(ByteBuffer src) throws IOException {
        try {
            while (src.hasRemaining()) {
                wrap(src);
            }
        } catch (SSLException e) {
            throw words.failure(e, false);
        }
    }

    private HandshakeStatus step(HandshakeStatus status) throws IOException {
        switch (status) {
            case NEED_WRAP -> {
                return wrap(EMPTY).getHandshakeStatus();
            }
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                if (!unwrap()) {
                    throw new EngineTlsException(words.closedDuringHandshake());
                }
                return engine.getHandshakeStatus();
            }
            case NEED_TASK -> {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
                return engine.getHandshakeStatus();
            }
            default -> {
                return status;
            }
        }
    }

    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        netOut.clear();
        SSLEngineResult result = engine.wrap(src, netOut);
        netOut.flip();
        while (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        return result;
    }

    /** Unwraps one record, reading from the channel as needed; false at the end of the stream. */
    private boolean unwrap() throws IOException {
        while (true) {
            if (handshaking && startsWithPlainHttp()) {
                throw new EngineTlsException(words.plainHttp());
            }
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
            }
            switch (result.getStatus()) {
                case OK -> {
                    return true;
                }
                case CLOSED -> {
                    return false;
                }
                case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                case BUFFER_UNDERFLOW -> {
                    if (netIn.limit() == netIn.capacity() && netIn.position() == 0) {
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                    }
                    if (!fill()) {
                        return false;
                    }
                }
            }
        }
    }

    private boolean fill() throws IOException {
        netIn.compact();
        int n;
        try {
            n = channel.read(netIn);
        } finally {
            netIn.flip();
        }
        return n >= 0;
    }

    private boolean startsWithPlainHttp() {
        if (netIn.remaining() < PLAIN_HTTP.length) {
            return false;
        }
        for (int i = 0; i < PLAIN_HTTP.length; i++) {
            if (netIn.get(netIn.position() + i) != PLAIN_HTTP[i]) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer grow(ByteBuffer readable, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, readable.capacity() * 2));
        bigger.put(readable);
        return bigger.flip();
    }
}
