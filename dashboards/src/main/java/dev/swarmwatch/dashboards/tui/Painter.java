package dev.swarmwatch.dashboards.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;

/**
 * Copies {@link Cells} into a Lanterna screen's back buffer; the caller refreshes with DELTA so
 * only changed cells reach the terminal. Never clears the screen.
 */
public final class Painter {
    private final Palette palette;

    public Painter(Palette palette) {
        this.palette = palette;
    }

    public void paint(Cells cells, Screen screen) {
        TerminalSize size = screen.getTerminalSize();
        int cols = Math.min(cells.columns(), size.getColumns());
        int rows = Math.min(cells.rows(), size.getRows());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                screen.setCharacter(c, r, palette.character(cells.charAt(c, r), cells.styleAt(c, r)));
            }
        }
    }
}
