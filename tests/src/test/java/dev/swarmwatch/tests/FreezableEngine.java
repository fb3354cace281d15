package dev.swarmwatch.tests;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker engine socket that can freeze: frozen, it accepts connections and never answers (a hung
 * dockerd as a client sees it); thawed, it forwards each new connection to a real engine's socket.
 * Connections accepted while frozen stay silent until closed.
 */
final class FreezableEngine implements AutoCloseable {
    private final Path socket;
    private final Path real;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean frozen = true;

    FreezableEngine(Path socket, Path real) throws IOException {
        this.socket = socket;
        this.real = real;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofVirtual().name("freezable-engine").start(this::acceptAll);
    }

    String uri() {
        return "unix://" + socket;
    }

    void thaw() {
        frozen = false;
    }

    int accepted() {
        return accepted.get();
    }

    private void acceptAll() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                accepted.incrementAndGet();
                open.add(client);
                if (!frozen) {
                    SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(real));
                    open.add(engine);
                    Thread.ofVirtual().start(() -> pipe(client, engine));
                    Thread.ofVirtual().start(() -> pipe(engine, client));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException gone) {
            // either side closed: the other one follows when its own read fails
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : open) {
            c.close();
        }
        Files.deleteIfExists(socket);
    }
}
