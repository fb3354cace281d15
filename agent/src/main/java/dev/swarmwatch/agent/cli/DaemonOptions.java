package dev.swarmwatch.agent.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Where the daemon is, for the commands that talk to its API; and how they end on failure. */
final class DaemonOptions {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:9469", description = "the daemon (swarmwatch run) (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--bearer-token-file", description = "file holding the daemon's bearer token")
    Path bearerTokenFile;

    /** Exit codes: 0 done, 1 the daemon refused (bad input, unknown id), 3 unreachable or a bad option. */
    interface Call {
        int run(DaemonClient client) throws DaemonClient.Unreachable, DaemonClient.Refused, InterruptedException;
    }

    int call(PrintWriter err, Call call) throws InterruptedException {
        DaemonClient client;
        try {
            client = new DaemonClient(url, bearerTokenFile);
        } catch (IllegalArgumentException e) {
            err.println("swarmwatch: bad option: " + dev.swarmwatch.checks.spi.SafeText.line(e.getMessage()));
            return Main.EXIT_UNKNOWN;
        }
        try {
            return call.run(client);
        } catch (DaemonClient.Unreachable e) {
            err.println("swarmwatch: " + dev.swarmwatch.checks.spi.SafeText.line(e.getMessage())
                    + " (is swarmwatch run listening there? see --url)");
            return Main.EXIT_UNKNOWN;
        } catch (DaemonClient.Refused e) {
            err.println("swarmwatch: " + dev.swarmwatch.checks.spi.SafeText.line(e.getMessage()));
            return 1;
        }
    }

    /** What the daemon's API answers can be printed as; picocli refuses anything else (exit 3). */
    enum Format { text, json }
}
