package dev.swarmwatch.dashboards.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.swarmwatch.dashboards.view.DashModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Draws a model through the real path (renderer, painter, Lanterna screen, DELTA refresh) onto a
 * {@link DefaultVirtualTerminal}, and compares what the terminal shows with a golden screen under
 * {@code src/test/resources/golden}. A missing golden file is written and the test fails, so a new
 * screen is looked at once before it is trusted; delete a file to have it written again.
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** The virtual terminal after drawing the model. */
    static DefaultVirtualTerminal draw(DashModel model, UiState state, int columns, int rows, Instant now, Palette palette) {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        try {
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            new Painter(palette).paint(Renderer.render(model, state, columns, rows, now), screen);
            screen.refresh(Screen.RefreshType.DELTA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terminal;
    }

    static String text(DefaultVirtualTerminal terminal) {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                line.append(ch == null ? ' ' : ch.getCharacterString());
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static void assertScreen(String name, DefaultVirtualTerminal terminal) {
        String actual = text(terminal);
        Path file = DIR.resolve(name + ".txt");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual);
                fail("golden screen " + file + " was missing and has been written: look at it, then run again");
            }
            String expected = Files.readAllLines(file).stream().map(String::stripTrailing)
                    .collect(Collectors.joining("\n", "", "\n"));
            assertThat(actual).as("screen " + name).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
