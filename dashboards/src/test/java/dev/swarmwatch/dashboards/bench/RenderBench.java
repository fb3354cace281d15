package dev.swarmwatch.dashboards.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.swarmwatch.dashboards.fixtures.Scenes;
import dev.swarmwatch.dashboards.fixtures.Swarms;
import dev.swarmwatch.dashboards.tui.Cells;
import dev.swarmwatch.dashboards.tui.Painter;
import dev.swarmwatch.dashboards.tui.Palette;
import dev.swarmwatch.dashboards.tui.Renderer;
import dev.swarmwatch.dashboards.tui.SortColumn;
import dev.swarmwatch.dashboards.tui.UiState;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import dev.swarmwatch.dashboards.view.DashModel;
import dev.swarmwatch.dashboards.view.SwarmFacts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Frame cost at 2,000 services on 200x50, and the bytes a frame sends to a real ANSI terminal:
 * a full redraw against a DELTA refresh after one row changed. Run by bench/watch-render.sh.
 */
public final class RenderBench {
    private static final int COLUMNS = 200;
    private static final int ROWS = 50;

    private RenderBench() {
    }

    /** Counts what Lanterna would write to the terminal. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        DashModel model = swarm(services, 12);
        // Sorted by name, so svc-1 heads the table whatever its state.
        UiState state = UiState.initial().sortedBy(SortColumn.NAME);
        Counting out = new Counting();
        ANSITerminal terminal = new ANSITerminal(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return new TerminalSize(COLUMNS, ROWS);
            }
        };
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Painter painter = new Painter(Palette.colour());

        long[] renderOnly = new long[frames];
        long[] frame = new long[frames];
        for (int i = -frames; i < frames; i++) {
            long t0 = System.nanoTime();
            Cells cells = Renderer.render(model, state.select(i & 15), COLUMNS, ROWS, Swarms.NOW);
            long t1 = System.nanoTime();
            painter.paint(cells, screen);
            screen.refresh(Screen.RefreshType.DELTA);
            long t2 = System.nanoTime();
            if (i >= 0) {
                renderOnly[i] = t1 - t0;
                frame[i] = t2 - t0;
            }
        }

        long before = out.bytes;
        painter.paint(Renderer.render(model, state, COLUMNS, ROWS, Swarms.NOW), screen);
        screen.refresh(Screen.RefreshType.COMPLETE);
        long full = out.bytes - before;
        before = out.bytes;
        painter.paint(Renderer.render(model, state, COLUMNS, ROWS, Swarms.NOW), screen);
        screen.refresh(Screen.RefreshType.DELTA);
        long unchanged = out.bytes - before;
        // One row changes: svc-1's HTTP check now answers in 19 ms instead of 12.
        DashModel changed = swarm(services, 19);
        before = out.bytes;
        painter.paint(Renderer.render(changed, state, COLUMNS, ROWS, Swarms.NOW), screen);
        screen.refresh(Screen.RefreshType.DELTA);
        long delta = out.bytes - before;
        screen.stopScreen();

        System.out.printf("services=%d size=%dx%d frames=%d%n", services, COLUMNS, ROWS, frames);
        System.out.printf("render (model -> cells) median %.2f ms, p90 %.2f ms%n", median(renderOnly), pct(renderOnly, 90));
        System.out.printf("frame (render + paint + DELTA refresh) median %.2f ms, p90 %.2f ms%n", median(frame), pct(frame, 90));
        System.out.printf("bytes: full redraw %d, DELTA with nothing changed %d, DELTA after one row changed %d%n",
                full, unchanged, delta);
    }

    /** The bench swarm sorted by name, svc-1 on the first row with an HTTP check answering in {@code latencyMs}. */
    private static DashModel swarm(int services, double latencyMs) {
        Swarms s = Swarms.at(Swarms.NOW.minusSeconds(2)).managers(3, 0);
        for (int i = 1; i <= services; i++) {
            int desired = 1 + i % 3;
            int running = i % 37 == 0 ? 0 : i % 23 == 0 ? desired - 1 : desired;
            s.service("stack-" + (i % 7), "svc-" + i, running, desired, i % 41 == 0 ? 2 : 0);
        }
        s.target("http", "svc-1-health", Subject.service("svc-1", "stack-1"), Status.OK,
                "200 OK in " + (int) latencyMs + " ms", List.of(), List.of(PerfDatum.of("time", latencyMs / 1000, "s")));
        return DashModel.starting(Swarms.ENGINE, Scenes.INTERVAL)
                .next(s.report(), SwarmFacts.of(s.snapshot()), 4, Swarms.NOW.minusSeconds(1));
    }

    private static double median(long[] nanos) {
        return pct(nanos, 50);
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
