package dev.tpsync.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Last line of defence for the token: removes any known secret fragment from text before it is
 * printed. The parsers and the client already keep the token out of their messages; this makes
 * sure a mistake there still cannot leak it.
 */
final class Redactor {

    static final String MASK = "<redacted>";
    private static final int MIN_FRAGMENT = 8;
    /** Words users paste around a token that are not secret (a header label, the scheme). */
    private static final Set<String> PUBLIC_WORDS = Set.of("authorization", "authorization:", "bearer");

    private final List<String> secrets = new ArrayList<>();

    /** Remembers every long piece of what was pasted (split on spaces and quotes) as secret. */
    void addSecret(String pasted) {
        for (String piece : pasted.split("[\\s\"'`]+")) {
            if (piece.length() >= MIN_FRAGMENT && !secrets.contains(piece)
                    && !PUBLIC_WORDS.contains(piece.toLowerCase(Locale.ROOT))) {
                secrets.add(piece);
            }
        }
        secrets.sort((a, b) -> b.length() - a.length());
    }

    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * Whether a command-line word looks like a pasted token rather than an option or file name:
     * it starts like one ({@code Bearer}, {@code Authorization}, a JWT's {@code eyJ}, an opaque
     * {@code gAAAA}), or it is very long with no path separator.
     */
    static boolean looksLikeToken(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        return w.startsWith("bearer") || w.startsWith("authorization") || w.startsWith("eyj")
                || w.startsWith("gaaaa") || (w.length() >= 100 && w.indexOf('/') < 0);
    }

    /** The text with every token-like word of {@code args} masked. */
    static String maskTokenLikeArgs(String text, List<String> args) {
        String result = text;
        for (String arg : args) {
            if (looksLikeToken(arg) && !arg.isEmpty()) {
                result = result.replace(arg, MASK);
            }
        }
        return result;
    }
}
