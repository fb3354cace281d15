package dev.swarmwatch.dashboards.view;

import java.util.Comparator;

/**
 * Names compared the way people count: digit runs by value, so {@code web-2} comes before
 * {@code web-10}; otherwise case-insensitive, then case-sensitive as a tie-break.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int byValue = compareDigits(a.substring(i, ei), b.substring(j, ej));
                if (byValue != 0) {
                    return byValue;
                }
                i = ei;
                j = ej;
                continue;
            }
            int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (byChar != 0) {
                return byChar;
            }
            i++;
            j++;
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    // Any length: leading zeros dropped, then longer is larger, then digit by digit.
    private static int compareDigits(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
