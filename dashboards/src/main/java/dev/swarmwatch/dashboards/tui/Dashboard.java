package dev.swarmwatch.dashboards.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.swarmwatch.dashboards.view.Alerts;
import dev.swarmwatch.dashboards.view.DashModel;
import dev.swarmwatch.dashboards.view.SwarmFacts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Lanterna driver: one UI thread folds finished cycles into the model, applies keys, and
 * draws the latest model into the screen's back buffer, refreshing DELTA; a key thread blocks on
 * input. Cycles arrive through {@link #offer} without waiting, so a slow terminal only makes the
 * UI fold several cycles into one frame. Resizes are debounced.
 */
public final class Dashboard {
    static final Duration RESIZE_DEBOUNCE = Duration.ofMillis(60);
    private static final Object RESIZED = new Object();

    private final TerminalScreen screen;
    private final Painter painter;
    private final Clock clock;
    private final CycleLoop cycles;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Optional<Supplier<dev.swarmwatch.alerts.eval.AlertView>> alerts;
    private dev.swarmwatch.alerts.eval.AlertView alertsShown;
    private DashModel model;
    private UiState state = UiState.initial();

    /**
     * @param alerts the alert engine's latest view, read before every frame: a volatile snapshot, so
     *               the UI never waits for the engine; empty when alerts are off
     */
    public Dashboard(TerminalScreen screen, Palette palette, Clock clock, CycleLoop cycles, DashModel initial,
                     Optional<Supplier<dev.swarmwatch.alerts.eval.AlertView>> alerts) {
        this.screen = screen;
        this.alerts = alerts;
        this.painter = new Painter(palette);
        this.clock = clock;
        this.cycles = cycles;
        this.model = initial;
        screen.getTerminal().addResizeListener((terminal, size) -> inbox.offer(RESIZED));
    }

    /** A finished cycle; any thread, never blocks. */
    public void offer(CycleResult cycle) {
        inbox.offer(cycle);
    }

    /** Runs until q or Ctrl-C; the caller owns starting and stopping the screen. */
    public void run() throws IOException, InterruptedException {
        Thread keys = Thread.ofPlatform().daemon().name("swarmwatch-keys").start(this::readKeys);
        try {
            Instant resizeAt = null;
            boolean full = true;
            while (true) {
                draw(full);
                full = false;
                long wait = resizeAt != null ? Math.max(1, Duration.between(clock.instant(), resizeAt).toMillis())
                        : 1000 - clock.instant().toEpochMilli() % 1000;
                List<Object> got = new ArrayList<>();
                Object first = inbox.poll(wait, TimeUnit.MILLISECONDS);
                if (first != null) {
                    got.add(first);
                    inbox.drainTo(got);
                }
                for (Object o : got) {
                    if (o == RESIZED) {
                        resizeAt = clock.instant().plus(RESIZE_DEBOUNCE);
                    } else if (o instanceof CycleResult c) {
                        model = model.next(c.report(), c.snapshot().map(SwarmFacts::of).orElse(SwarmFacts.NONE),
                                c.apiCalls(), c.finished());
                    } else if (o instanceof Key k && !handle(k)) {
                        return;
                    }
                }
                if (resizeAt != null && !clock.instant().isBefore(resizeAt)) {
                    resizeAt = null;
                    full = screen.doResizeIfNecessary() != null;
                }
            }
        } finally {
            keys.interrupt();
        }
    }

    // False when the key quits.
    private boolean handle(Key key) {
        TerminalSize size = screen.getTerminalSize();
        List<Row> rows = Table.rows(model, state);
        int page = state.drill().isEmpty() ? Layout.tableHeight(model, size.getRows()) : Layout.drillHeight(size.getRows()) - 1;
        int drillLines = state.drill().isEmpty() ? 0 : DrillPane.lines(model, state.drill(), clock.instant()).size();
        Keys.Outcome outcome = Keys.apply(Keys.keepVisible(state, rows.size(), page), key, rows, page, drillLines);
        state = outcome.state();
        switch (outcome.action()) {
            case QUIT -> {
                return false;
            }
            case REFRESH -> cycles.refreshNow();
            case PAUSE_CHANGED -> cycles.paused(state.paused());
            case NONE -> {
                // the new state is drawn next
            }
        }
        return true;
    }

    // A group's wait can end between cycles, so the view is looked at every frame, converted only when it changed.
    private void foldAlerts() {
        if (alerts.isEmpty()) {
            return;
        }
        dev.swarmwatch.alerts.eval.AlertView now = alerts.get().get();
        if (now != alertsShown || model.alerts().isEmpty()) {
            alertsShown = now;
            model = model.withAlerts(Alerts.of(now));
        }
    }

    private void draw(boolean full) throws IOException {
        foldAlerts();
        TerminalSize size = screen.getTerminalSize();
        Instant now = clock.instant();
        List<Row> rows = Table.rows(model, state);
        state = Keys.keepVisible(state, rows.size(), Layout.tableHeight(model, size.getRows()));
        Cells cells = Renderer.render(model, state, size.getColumns(), size.getRows(), now);
        synchronized (screen) {
            painter.paint(cells, screen);
            screen.setCursorPosition(null);
            screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        }
    }

    private void readKeys() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                KeyStroke k = screen.readInput();
                if (k == null) {
                    continue;
                }
                if (k.getKeyType() == KeyType.EOF) {
                    inbox.offer(Key.of(Key.Kind.INTERRUPT));
                    return;
                }
                inbox.offer(translate(k));
            }
        } catch (IOException | RuntimeException e) {
            inbox.offer(Key.of(Key.Kind.INTERRUPT));
        }
    }

    static Key translate(KeyStroke k) {
        return switch (k.getKeyType()) {
            case ArrowUp -> Key.of(Key.Kind.UP);
            case ArrowDown -> Key.of(Key.Kind.DOWN);
            case PageUp -> Key.of(Key.Kind.PAGE_UP);
            case PageDown -> Key.of(Key.Kind.PAGE_DOWN);
            case Home -> Key.of(Key.Kind.HOME);
            case End -> Key.of(Key.Kind.END);
            case Enter -> Key.of(Key.Kind.ENTER);
            case Escape -> Key.of(Key.Kind.ESCAPE);
            case Backspace -> Key.of(Key.Kind.BACKSPACE);
            case Character -> k.isCtrlDown() && (k.getCharacter() == 'c' || k.getCharacter() == 'C')
                    ? Key.of(Key.Kind.INTERRUPT) : Key.typed(k.getCharacter());
            default -> Key.of(Key.Kind.OTHER);
        };
    }
}
