package dev.swarmwatch.agent.cli;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;

/** Firing and pending alerts, what they mute, the silences and the outbox, from the daemon's API. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Show firing and pending alerts (worst first), what they mute, silences and the outbox, from a running daemon.")
final class AlertsCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    DaemonOptions daemon;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    DaemonOptions.Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return daemon.call(err, client -> {
            Object body = client.get("/api/v1/alerts");
            if (!(body instanceof JsonObject json)) {
                throw new DaemonClient.Refused("the daemon answered /api/v1/alerts with something other than an object");
            }
            out.print(format == DaemonOptions.Format.json ? json.encodePrettily() + "\n" : AlertsText.alerts(json, Instant.now()));
            out.flush();
            return 0;
        });
    }
}
