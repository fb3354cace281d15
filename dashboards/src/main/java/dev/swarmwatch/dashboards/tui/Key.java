package dev.swarmwatch.dashboards.tui;

/** A key press, independent of the terminal library: the keys the dashboard knows. */
public record Key(Kind kind, char character) {
    public enum Kind { UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, ESCAPE, BACKSPACE, CHARACTER, INTERRUPT, OTHER }

    public static Key of(Kind kind) {
        return new Key(kind, '\0');
    }

    public static Key typed(char c) {
        return new Key(Kind.CHARACTER, c);
    }
}
