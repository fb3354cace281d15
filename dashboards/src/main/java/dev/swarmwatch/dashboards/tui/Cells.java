package dev.swarmwatch.dashboards.tui;

import java.util.Arrays;

/**
 * A screen's worth of characters and their styles: what the renderer produces and the painter
 * copies into Lanterna's back buffer. Writes outside the grid are cut, never wrapped. Text is
 * expected to be safe already (see {@code SafeText}); any control character left is drawn as '?'.
 */
public final class Cells {
    private final int columns;
    private final int rows;
    private final char[] chars;
    private final Style[] styles;

    public Cells(int columns, int rows) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("grid " + columns + "x" + rows);
        }
        this.columns = columns;
        this.rows = rows;
        this.chars = new char[columns * rows];
        this.styles = new Style[columns * rows];
        Arrays.fill(chars, ' ');
        Arrays.fill(styles, Style.NORMAL);
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public char charAt(int column, int row) {
        return chars[row * columns + column];
    }

    public Style styleAt(int column, int row) {
        return styles[row * columns + column];
    }

    /** Writes text from (column, row), at most {@code max} columns; returns the column after it. */
    public int put(int column, int row, String text, int max, Style style) {
        if (row < 0 || row >= rows) {
            return column;
        }
        int c = column;
        int end = Math.min(columns, column + Math.max(0, max));
        for (int i = 0; i < text.length() && c < end; i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length()) {
                // One column for a character outside the BMP that a terminal may draw two wide: '?' keeps the grid honest.
                i++;
                ch = '?';
            } else if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || Character.isSurrogate(ch) || isWide(ch)) {
                ch = '?';
            }
            if (c >= 0) {
                chars[row * columns + c] = ch;
                styles[row * columns + c] = style;
            }
            c++;
        }
        return c;
    }

    public int put(int column, int row, String text, Style style) {
        return put(column, row, text, columns - column, style);
    }

    /** Sets the style of a run of cells without changing their characters. */
    public void style(int column, int row, int width, Style style) {
        if (row < 0 || row >= rows) {
            return;
        }
        for (int c = Math.max(0, column); c < Math.min(columns, column + width); c++) {
            styles[row * columns + c] = style;
        }
    }

    public void fill(int column, int row, int width, char ch, Style style) {
        put(column, row, String.valueOf(ch).repeat(Math.max(0, width)), width, style);
    }

    /** The grid as text, one line per row, trailing spaces kept: the golden-screen format. */
    public String text() {
        StringBuilder out = new StringBuilder(rows * (columns + 1));
        for (int r = 0; r < rows; r++) {
            out.append(chars, r * columns, columns).append('\n');
        }
        return out.toString();
    }

    // East Asian wide and fullwidth forms take two terminal columns; drawn as one '?' the layout holds.
    static boolean isWide(char ch) {
        return (ch >= 0x1100 && ch <= 0x115f) || (ch >= 0x2e80 && ch <= 0xa4cf) || (ch >= 0xac00 && ch <= 0xd7a3)
                || (ch >= 0xf900 && ch <= 0xfaff) || (ch >= 0xfe30 && ch <= 0xfe4f) || (ch >= 0xff00 && ch <= 0xff60)
                || (ch >= 0xffe0 && ch <= 0xffe6);
    }
}
