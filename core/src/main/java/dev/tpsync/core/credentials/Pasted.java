package dev.tpsync.core.credentials;

/** Undoes what copying from a browser or chat adds around a value: blanks of every kind and quotes. */
final class Pasted {

    private static final String QUOTES = "\"'`\u201C\u201D\u2018\u2019\u201E\u00AB\u00BB";

    private Pasted() {
    }

    /** Strips blanks from both ends, including no-break and zero-width spaces that rich-text copies add. */
    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * Removes quotes (plain or typographic, matching or not) from both ends, repeatedly, with the blanks
     * just inside them; blanks outside the outermost quote are left for the caller.
     */
    static String unquote(String s) {
        String r = s;
        boolean removed = true;
        while (removed && !r.isEmpty()) {
            removed = false;
            if (QUOTES.indexOf(r.charAt(0)) >= 0) {
                r = strip(r.substring(1));
                removed = true;
            }
            if (!r.isEmpty() && QUOTES.indexOf(r.charAt(r.length() - 1)) >= 0) {
                r = strip(r.substring(0, r.length() - 1));
                removed = true;
            }
        }
        return r;
    }

    /** Removes every blank, wherever it is (for numbers pasted with digit-group spaces). */
    static String withoutBlanks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isBlank(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
