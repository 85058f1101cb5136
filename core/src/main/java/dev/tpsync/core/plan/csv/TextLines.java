package dev.tpsync.core.plan.csv;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line numbers; CR, LF and CRLF all end a line. */
final class TextLines {

    private final String text;
    private final int[] starts;
    private final int count;

    TextLines(String text) {
        this.text = text;
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = s;
        this.count = n;
    }

    /** The 1-based line holding the character at {@code offset}. */
    int lineOf(long offset) {
        int i = Arrays.binarySearch(starts, 0, count, (int) Math.min(offset, Integer.MAX_VALUE));
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /**
     * The first line at or after {@code line} that holds content, skipping blank and {@code #} comment
     * lines: where the CSV parser's next record really starts.
     */
    int firstContentLine(int line) {
        int l = Math.max(1, line);
        while (l <= count && isSkippable(l)) {
            l++;
        }
        return Math.min(l, count);
    }

    /** The text of a 1-based line, without its line break. */
    String line(int line) {
        int from = starts[line - 1];
        int to = line < count ? starts[line] : text.length();
        while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
            to--;
        }
        return text.substring(from, to);
    }

    private boolean isSkippable(int line) {
        String l = line(line);
        return l.isBlank() || l.charAt(0) == '#';
    }
}
