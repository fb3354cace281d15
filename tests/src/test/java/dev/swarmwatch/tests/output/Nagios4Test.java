package dev.swarmwatch.tests.output;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real client of the Nagios output: Debian's Nagios 4 core, started by this test with its own
 * config, runs {@code swarmwatch report -f nagios} against the sandbox swarm as a check command,
 * and what it records in status.dat (state, plugin output, long output, perfdata) is what we meant.
 * Nagios runs checks as user nagios; its group is docker, so the check can open the engine socket.
 */
class Nagios4Test {
    private static final Path BED = Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed"));
    private static final Path NAGIOS = Path.of("/usr/sbin/nagios4");

    private Path dir;
    private Optional<ProcessHandle> nagios = Optional.empty();

    @Test
    void nagiosRecordsCriticalWithOneLineStatusLongOutputAndPerfdata() throws Exception {
        assertThat(NAGIOS).as("nagios4 is installed by tests/bed/install.sh (nagios4-core)").isExecutable();
        dir = Files.createTempDirectory("swarmwatch-nagios");
        LauncherCopy copy = LauncherCopy.in(dir.resolve("swarmwatch"));
        Path check = dir.resolve("check_swarmwatch.sh");
        // A ';' in a command_line would start a comment: the command is a script.
        Files.writeString(check, "#!/bin/sh\nexport JAVA_HOME='" + System.getProperty("java.home") + "'\nexec '"
                + copy.launcher() + "' report -f nagios -H 'unix://" + BED.resolve("docker.sock") + "'\n");
        Files.setPosixFilePermissions(check, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createDirectory(dir.resolve("checkresults"));
        Files.writeString(dir.resolve("nagios.cfg"), mainConfig(dir));
        Files.writeString(dir.resolve("objects.cfg"), objects(check));
        chown(dir, "nagios", "docker");

        Process start = new ProcessBuilder(NAGIOS.toString(), "-d", dir.resolve("nagios.cfg").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("start.out").toFile()).start();
        assertThat(start.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(start.exitValue()).as(Files.readString(dir.resolve("start.out"))).isZero();
        nagios = daemon(dir.resolve("nagios.lock"));
        assertThat(nagios).as("nagios4 wrote its PID to the lock file").isPresent();

        Map<String, String> status = serviceStatus(dir.resolve("status.dat"), 60);

        assertThat(status.get("current_state")).as(status.toString()).isEqualTo("2");
        String output = status.get("plugin_output");
        assertThat(output).startsWith("SWARMWATCH CRITICAL - ").contains("bed-unschedulable replicas 0/2 running")
                .doesNotContain("|", "\\n", "'score'", ";").contains(" / ");
        String problems = output.substring(output.indexOf(" checks not OK: ") + " checks not OK: ".length());
        assertThat(problems.length()).isLessThanOrEqualTo(200 + " / and 99 more".length());
        String longOutput = status.get("long_plugin_output");
        assertThat(longOutput.split("\\\\n")).contains("CRITICAL: bed-unschedulable replicas 0/2 running")
                .anySatisfy(l -> assertThat(l).startsWith("CRITICAL: bed-crashing "))
                .anySatisfy(l -> assertThat(l).matches("OK: \\d+ other checks ?"))
                .noneSatisfy(l -> assertThat(l).contains("'=")).noneSatisfy(l -> assertThat(l).startsWith("SWARMWATCH"));
        assertThat(status.get("performance_data")).startsWith("'score'=").contains("'checks_not_ok'=")
                .contains("'bed-healthy.running'=2;2;1;0;2", "'bed-unschedulable.running'=0;2;1;0;2")
                .doesNotContain("CRITICAL", "OK:");
        assertThat(status.get("check_command")).isEqualTo("check_swarmwatch");
    }

    @AfterEach
    void stopExactlyTheNagiosStarted() throws Exception {
        if (nagios.isPresent()) {
            ProcessHandle p = nagios.get();
            p.destroy();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private Optional<ProcessHandle> daemon(Path lock) throws Exception {
        // The daemon writes its PID some moments after the file appears.
        String text = "";
        for (int i = 0; i < 100 && !text.matches("\\d+"); i++) {
            Thread.sleep(100);
            text = Files.exists(lock) ? Files.readString(lock).strip() : "";
        }
        long pid = Long.parseLong(text);
        // Only the process this test started: its command line names this test's config.
        return ProcessHandle.of(pid).filter(p -> p.info().commandLine().orElse("").contains(dir.toString()));
    }

    private static Map<String, String> serviceStatus(Path statusFile, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(statusFile)) {
                Map<String, String> block = parse(Files.readString(statusFile));
                if ("1".equals(block.get("has_been_checked"))) {
                    return block;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no check result in " + statusFile + " within " + seconds + " s");
    }

    // status.dat: "servicestatus {" then "\tkey=value" lines, then "\t}".
    private static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("servicestatus {")) {
                in = true;
            } else if (in && line.strip().equals("}")) {
                break;
            } else if (in) {
                int eq = line.indexOf('=');
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static void chown(Path root, String user, String group) throws IOException {
        UserPrincipalLookupService names = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal u = names.lookupPrincipalByName(user);
        GroupPrincipal g = names.lookupPrincipalByGroupName(group);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(f, PosixFileAttributeView.class);
                view.setOwner(u);
                view.setGroup(g);
            }
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x---"));
    }

    private static String mainConfig(Path d) {
        return String.join("\n",
                "log_file=" + d.resolve("nagios.log"),
                "cfg_file=" + d.resolve("objects.cfg"),
                "status_file=" + d.resolve("status.dat"),
                "status_update_interval=2",
                "state_retention_file=" + d.resolve("retention.dat"),
                "retain_state_information=0",
                "check_result_path=" + d.resolve("checkresults"),
                "command_file=" + d.resolve("nagios.cmd"),
                "lock_file=" + d.resolve("nagios.lock"),
                "query_socket=" + d.resolve("nagios.qh"),
                "temp_file=" + d.resolve("nagios.tmp"),
                "temp_path=" + d,
                "nagios_user=nagios",
                "nagios_group=docker",
                "check_external_commands=0",
                "interval_length=1",
                "enable_notifications=0",
                "max_service_check_spread=1",
                "max_host_check_spread=1",
                "service_inter_check_delay_method=n",
                "host_inter_check_delay_method=n",
                "illegal_macro_output_chars=`~$&|'\"<>",
                "");
    }

    private static String objects(Path check) {
        StringBuilder week = new StringBuilder();
        for (String day : new String[]{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}) {
            week.append("  ").append(day).append(" 00:00-24:00\n");
        }
        return "define timeperiod {\n  timeperiod_name always\n  alias always\n" + week + "}\n"
                + "define command {\n  command_name check_swarmwatch\n  command_line " + check + "\n}\n"
                + "define contact {\n  contact_name nobody\n  alias nobody\n  host_notifications_enabled 0\n"
                + "  service_notifications_enabled 0\n  host_notification_period always\n"
                + "  service_notification_period always\n  host_notification_options n\n"
                + "  service_notification_options n\n  host_notification_commands check_swarmwatch\n"
                + "  service_notification_commands check_swarmwatch\n}\n"
                + "define host {\n  host_name swarm\n  alias swarm\n  address 127.0.0.1\n  max_check_attempts 1\n"
                + "  check_period always\n  notification_period always\n  contacts nobody\n}\n"
                + "define service {\n  host_name swarm\n  service_description swarmwatch\n"
                + "  check_command check_swarmwatch\n  max_check_attempts 1\n  check_interval 300\n"
                + "  retry_interval 300\n  check_period always\n  notification_period always\n  contacts nobody\n}\n";
    }
}
