package dev.swarmwatch.tests.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on a loopback port 0 that deduplicates on {@code webhook-id}, as Standard
 * Webhooks asks of receivers: every request is recorded, each id is processed once. It can hold
 * requests open without answering, to catch a sender in the middle of a send.
 */
final class HookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private final List<String> processedInOrder = new CopyOnWriteArrayList<>();
    private volatile boolean hold;
    private final CountDownLatch release = new CountDownLatch(1);

    HookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on requests are recorded and then left without an answer, until closed. */
    void holdRequests() {
        hold = true;
    }

    void answerRequests() {
        hold = false;
    }

    /** webhook-id of every request, duplicates included. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** webhook-ids processed, each once. */
    List<String> processed() {
        return List.copyOf(processedInOrder);
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String id = String.valueOf(ex.getRequestHeaders().getFirst("webhook-id"));
        requests.add(id);
        if (hold) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        if (processed.add(id)) {
            processedInOrder.add(id);
        }
        ex.sendResponseHeaders(204, -1);
        try (OutputStream os = ex.getResponseBody()) {
            os.flush();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
