package dev.swarmwatch.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/** For a container HEALTHCHECK: exit 0 when the daemon's /healthz says its last cycle is fresh, 1 otherwise. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Ask a running daemon's /healthz. Exit 0 when its last cycle is fresh, 1 otherwise.")
final class HealthCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:9469/healthz", description = "(default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--timeout", defaultValue = "3", description = "seconds (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            spec.commandLine().getOut().println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (Exception e) {
            spec.commandLine().getOut().println("unhealthy: " + url + ": " + e);
            return 1;
        }
    }
}
