package dev.swarmwatch.dashboards.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import dev.swarmwatch.checks.swarm.SwarmTask;
import dev.swarmwatch.dashboards.fixtures.Scenes;
import dev.swarmwatch.dashboards.fixtures.Swarms;
import dev.swarmwatch.dashboards.view.DashModel;
import dev.swarmwatch.dashboards.view.SwarmFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RendererTest {
    private static final String HOSTILE = "evil\u001b]0;owned\u0007\u001b[2J\u001b[31mred\r\nnext\u009b1mend";

    @Test
    void longNamesAreCutWithAnEllipsisAt80ColumnsAndShownWholeWhenWide() {
        String name = "payments-reconciliation-" + "x".repeat(90);
        Swarms s = Swarms.at(Swarms.NOW.minusSeconds(2)).managers(1, 0).service("finance", name, 1, 1, 0);
        DashModel model = DashModel.starting(Swarms.ENGINE, Scenes.INTERVAL).next(s.report(), SwarmFacts.of(s.snapshot()), 4, Swarms.NOW);
        String narrow = Golden.text(Golden.draw(model, UiState.initial(), 80, 24, Swarms.NOW, Palette.colour()));
        String row = narrow.lines().filter(l -> l.contains("payments-")).findFirst().orElseThrow();
        assertThat(row).contains("\u2026").contains("1/1").doesNotContain(name);
        assertThat(narrow.lines()).allMatch(l -> l.length() <= 80);
        String wide = Golden.text(Golden.draw(model, UiState.initial(), 250, 70, Swarms.NOW, Palette.colour()));
        assertThat(wide).contains(name);
    }

    @Test
    void escapeSequencesFromTheEngineAreDrawnAsHarmlessText() {
        Swarms s = Swarms.at(Swarms.NOW.minusSeconds(2)).managers(1, 0).service("st\u001b[5mack", HOSTILE, 0, 1, 0)
                .target("http", "probe\u001b[2J", Subject.wholeSwarm(), Status.CRITICAL, "body: " + HOSTILE, List.of(HOSTILE), List.of());
        s.tasks().add(new SwarmTask("bad", "svc-" + HOSTILE, 1, "node1id0000000000", "failed", "shutdown", HOSTILE, "",
                java.util.OptionalInt.of(137), Swarms.NOW.minusSeconds(9), ""));
        DashModel model = DashModel.starting(Swarms.ENGINE, Scenes.INTERVAL).next(s.report(), SwarmFacts.of(s.snapshot()), 4, Swarms.NOW);
        List<Row> rows = Table.rows(model, UiState.initial());
        for (UiState state : List.of(UiState.initial(), UiState.initial().drilled(rows.get(0).key()))) {
            DefaultVirtualTerminal terminal = Golden.draw(model, state, 120, 40, Swarms.NOW, Palette.colour());
            String text = Golden.text(terminal);
            assertThat(text).contains("evil").contains("red").doesNotContain("[2J").doesNotContain("owned").doesNotContain("[31m");
            assertThat(text.chars().filter(c -> c != '\n')).allMatch(c -> c >= 0x20 && (c < 0x7f || c >= 0xa0));
        }
    }

    @Test
    void colourMarksStatusByColourAndMonochromeByBoldAndTheWord() {
        DefaultVirtualTerminal coloured = Golden.draw(Scenes.degraded(), UiState.initial(), 80, 24, Swarms.NOW, Palette.colour());
        DefaultVirtualTerminal mono = Golden.draw(Scenes.degraded(), UiState.initial(), 80, 24, Swarms.NOW, Palette.monochrome());
        int row = rowOf(coloured, " WARN ");
        TextCharacter warnColour = coloured.getCharacter(1, row);
        TextCharacter warnMono = mono.getCharacter(1, row);
        assertThat(warnColour.getCharacter()).isEqualTo('W');
        assertThat(warnColour.getForegroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
        assertThat(warnMono.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(warnMono.getModifiers()).contains(SGR.BOLD);
        for (int r = 0; r < 24; r++) {
            for (int c = 0; c < 80; c++) {
                assertThat(mono.getCharacter(c, r).getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                assertThat(mono.getCharacter(c, r).getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        assertThat(Golden.text(mono)).isEqualTo(Golden.text(coloured));
    }

    @Test
    void noColorOrDumbTerminalChoosesMonochrome() {
        assertThat(Palette.forEnvironment(java.util.Map.of("NO_COLOR", "1", "TERM", "xterm")).isColour()).isFalse();
        assertThat(Palette.forEnvironment(java.util.Map.of("TERM", "dumb")).isColour()).isFalse();
        assertThat(Palette.forEnvironment(java.util.Map.of("NO_COLOR", "", "TERM", "xterm-256color")).isColour()).isTrue();
    }

    @Test
    void aCycleOlderThanTwoIntervalsIsMarkedStaleAndPauseIsShown() {
        DashModel model = Scenes.healthy();
        String fresh = Golden.text(Golden.draw(model, UiState.initial(), 80, 24, Swarms.NOW, Palette.colour()));
        String late = Golden.text(Golden.draw(model, UiState.initial(), 80, 24, Swarms.NOW.plusSeconds(6), Palette.colour()));
        String paused = Golden.text(Golden.draw(model, UiState.initial().pausedAs(true), 80, 24, Swarms.NOW, Palette.colour()));
        assertThat(fresh.lines().findFirst().orElseThrow()).doesNotContain("STALE").contains("refreshed 1s ago");
        assertThat(late.lines().findFirst().orElseThrow()).contains("STALE").contains("refreshed 7s ago");
        assertThat(paused.lines().findFirst().orElseThrow()).contains("PAUSED");
    }

    @Test
    void aResizeRedrawsTheWholeScreenAtTheNewSize() throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Painter painter = new Painter(Palette.colour());
        painter.paint(Renderer.render(Scenes.degraded(), UiState.initial(), 80, 24, Swarms.NOW), screen);
        screen.refresh(Screen.RefreshType.DELTA);
        for (TerminalSize size : List.of(new TerminalSize(250, 70), new TerminalSize(20, 5), new TerminalSize(80, 24))) {
            terminal.setTerminalSize(size);
            TerminalSize now = screen.doResizeIfNecessary();
            assertThat(now).isEqualTo(size);
            painter.paint(Renderer.render(Scenes.degraded(), UiState.initial(), size.getColumns(), size.getRows(), Swarms.NOW), screen);
            screen.refresh(Screen.RefreshType.COMPLETE);
            assertThat(Golden.text(terminal).lines().findFirst().orElseThrow()).startsWith("swarmwatch");
        }
        Golden.assertScreen("degraded-80x24", terminal);
    }

    private static int rowOf(DefaultVirtualTerminal terminal, String text) {
        List<String> lines = Golden.text(terminal).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
