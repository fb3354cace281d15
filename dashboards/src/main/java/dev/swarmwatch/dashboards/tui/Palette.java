package dev.swarmwatch.dashboards.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;

import java.util.EnumMap;
import java.util.Map;

/**
 * How each {@link Style} looks: the 16 ANSI colours (so the terminal's theme applies), or
 * monochrome (NO_COLOR, TERM=dumb) with bold and reverse only; status is always also a word.
 */
public final class Palette {
    private final Map<Style, TextCharacter> blanks = new EnumMap<>(Style.class);
    private final boolean colour;

    private Palette(boolean colour) {
        this.colour = colour;
        for (Style s : Style.values()) {
            blanks.put(s, colour ? coloured(s) : mono(s));
        }
    }

    public static Palette colour() {
        return new Palette(true);
    }

    public static Palette monochrome() {
        return new Palette(false);
    }

    /** Monochrome when NO_COLOR has any non-empty value or TERM is dumb (or unset), else colour. */
    public static Palette forEnvironment(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        String term = env.getOrDefault("TERM", "dumb");
        return (noColor != null && !noColor.isEmpty()) || term.equals("dumb") ? monochrome() : colour();
    }

    public boolean isColour() {
        return colour;
    }

    public TextCharacter character(char c, Style style) {
        return blanks.get(style).withCharacter(c);
    }

    private static TextCharacter coloured(Style s) {
        TextColor fg = switch (s) {
            case OK -> TextColor.ANSI.GREEN;
            case WARNING -> TextColor.ANSI.YELLOW;
            case CRITICAL -> TextColor.ANSI.RED;
            case UNKNOWN -> TextColor.ANSI.MAGENTA;
            case DIM -> TextColor.ANSI.BLACK_BRIGHT;
            default -> TextColor.ANSI.DEFAULT;
        };
        return switch (s) {
            case BOLD, CRITICAL -> TextCharacter.fromCharacter(' ', fg, TextColor.ANSI.DEFAULT, SGR.BOLD)[0];
            case HEADER, SELECTED -> TextCharacter.fromCharacter(' ', fg, TextColor.ANSI.DEFAULT, SGR.REVERSE)[0];
            default -> TextCharacter.fromCharacter(' ', fg, TextColor.ANSI.DEFAULT)[0];
        };
    }

    private static TextCharacter mono(Style s) {
        TextColor d = TextColor.ANSI.DEFAULT;
        return switch (s) {
            case BOLD, WARNING, CRITICAL, UNKNOWN -> TextCharacter.fromCharacter(' ', d, d, SGR.BOLD)[0];
            case HEADER, SELECTED -> TextCharacter.fromCharacter(' ', d, d, SGR.REVERSE)[0];
            default -> TextCharacter.fromCharacter(' ', d, d)[0];
        };
    }
}
