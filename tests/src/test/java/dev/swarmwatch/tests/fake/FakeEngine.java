package dev.swarmwatch.tests.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker engine on a unix socket that misbehaves on demand: a real socket speaking HTTP/1.1,
 * for the faults a real dockerd cannot be made to show at will. Every connection gets one answer
 * according to the {@link Mode}; {@link Swarm} supplies the bodies of a healthy answer.
 * Run as a process: {@code java -cp tests/target/test-classes dev.swarmwatch.tests.fake.FakeEngine
 * SOCKET MODE [services tasks]} (generated swarm) or {@code SOCKET MODE} (recorded sandbox swarm).
 */
public final class FakeEngine implements AutoCloseable {

    public enum Mode {
        /** Answers every path from the swarm. */
        HEALTHY,
        /** Accepts, reads the request, never answers. */
        ACCEPT_AND_WAIT,
        /** Sends the status line and headers of a 200, then nothing. */
        HEADERS_THEN_STALL,
        /** Sends headers, then one body byte every {@link #DRIP} (each read is quick, the call is not). */
        DRIP,
        /** Sends headers announcing the whole body, a third of it, then closes. */
        CLOSE_MID_BODY,
        /** Sends a 200 with an endless chunked body until the client hangs up. */
        HUGE_BODY,
        /** Announces a body of 1 GB (Content-Length) and starts sending it. */
        HUGE_DECLARED,
        /** Answers /_ping after {@link #PING_DELAY}; no other path ever answers (a manager whose Raft store is stuck). */
        RAFT_STUCK
    }

    public static final Duration DRIP = Duration.ofMillis(700);
    public static final Duration PING_DELAY = Duration.ofMillis(300);

    private final ServerSocketChannel server;
    private final Path socket;
    private final Swarm swarm;
    private volatile Mode mode;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    /** Which bodies a healthy engine answers with. */
    public interface Swarm {
        /** The JSON body for a path such as /info or /services?status=true; null for 404. */
        byte[] body(String path);
    }

    public FakeEngine(Path socket, Mode mode, Swarm swarm) throws IOException {
        this.socket = socket;
        this.mode = mode;
        this.swarm = swarm;
        Files.deleteIfExists(socket);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket), 64);
        this.acceptor = Thread.ofPlatform().name("fake-engine-accept").daemon().start(this::acceptLoop);
    }

    public URI uri() {
        return URI.create("unix://" + socket);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Requests received so far (each connection carries one). */
    public int requests() {
        return requests.get();
    }

    /** Connections still open: a client that abandons its calls closes them. */
    public int openConnections() {
        clients.removeIf(c -> !c.isOpen());
        return clients.size();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread.ofPlatform().name("fake-engine-conn").daemon().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client; InputStream in = Channels.newInputStream(client); OutputStream out = Channels.newOutputStream(client)) {
            String path = requestPath(in);
            requests.incrementAndGet();
            answer(path, in, out);
        } catch (IOException | InterruptedException gone) {
            // The client hung up or the fake closed: nothing more to answer.
        } finally {
            clients.remove(client);
        }
    }

    private void answer(String path, InputStream in, OutputStream out) throws IOException, InterruptedException {
        byte[] body = path.startsWith("/_ping") ? "OK".getBytes(StandardCharsets.US_ASCII) : swarm.body(path);
        switch (mode) {
            case HEALTHY -> send(out, body);
            case RAFT_STUCK -> {
                if (path.startsWith("/_ping")) {
                    // A busy manager: the ping is answered, though not at once.
                    Thread.sleep(PING_DELAY.toMillis());
                    send(out, body);
                } else {
                    waitForHangUp(in);
                }
            }
            case ACCEPT_AND_WAIT -> waitForHangUp(in);
            case HEADERS_THEN_STALL -> {
                out.write(head(200, "Content-Length: " + (body == null ? 100 : body.length)));
                out.flush();
                waitForHangUp(in);
            }
            case DRIP -> {
                out.write(head(200, "Content-Length: " + (body == null ? 100 : body.length)));
                out.flush();
                for (byte b : body == null ? new byte[100] : body) {
                    Thread.sleep(DRIP.toMillis());
                    out.write(b);
                    out.flush();
                }
            }
            case CLOSE_MID_BODY -> {
                byte[] b = body == null ? new byte[300] : body;
                out.write(head(200, "Content-Length: " + b.length));
                out.write(b, 0, b.length / 3);
                out.flush();
            }
            case HUGE_BODY -> {
                out.write(head(200, "Transfer-Encoding: chunked"));
                out.write(chunk("{\"ServerVersion\":\"20.10\",\"Junk\":\""));
                byte[] junk = chunk("a".repeat(64 * 1024));
                while (true) {
                    out.write(junk);
                }
            }
            case HUGE_DECLARED -> {
                out.write(head(200, "Content-Length: " + (1L << 30)));
                byte[] junk = new byte[64 * 1024];
                while (true) {
                    out.write(junk);
                }
            }
        }
    }

    private static void send(OutputStream out, byte[] body) throws IOException {
        if (body == null) {
            byte[] msg = "{\"message\":\"page not found\"}".getBytes(StandardCharsets.US_ASCII);
            out.write(head(404, "Content-Length: " + msg.length));
            out.write(msg);
        } else {
            out.write(head(200, "Content-Length: " + body.length));
            out.write(body);
        }
        out.flush();
    }

    private static byte[] head(int status, String framing) {
        return ("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\nApi-Version: 1.41\r\n"
                + "Content-Type: application/json\r\nServer: Docker/20.10.24 (linux)\r\n" + framing + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] chunk(String text) {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size.length + data.length + 2];
        System.arraycopy(size, 0, out, 0, size.length);
        System.arraycopy(data, 0, out, size.length, data.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    /** Blocks until the client closes its side (read returns -1) or the fake is closed. */
    private static void waitForHangUp(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // A client sends nothing after its request; anything else is ignored.
        }
    }

    private static String requestPath(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String[] first = head.toString().split(" ", 3);
        return first.length > 1 ? first[1] : "/";
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : List.copyOf(clients)) {
            c.close();
        }
        acceptor.interrupt();
        Files.deleteIfExists(socket);
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        Mode mode = Mode.valueOf(args[1]);
        Swarm swarm = args.length >= 4
                ? GeneratedSwarm.of(Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 0)
                : RecordedSwarm.sandbox();
        try (FakeEngine engine = new FakeEngine(socket, mode, swarm)) {
            System.out.println("fake engine " + mode + " on " + engine.uri());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
