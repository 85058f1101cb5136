package dev.tpsync.client.internal;

import java.util.Locale;

/**
 * Refuses any TrainingPeaks {@code commands/*} path. Those endpoints (apply plan, combine, library
 * scheduling) have destroyed data or always fail, so tpsync never calls them, even by mistake.
 */
public final class PathGuard {

    public static final String COMMANDS_REFUSED = "refusing to call a TrainingPeaks commands/* endpoint";

    private PathGuard() {
    }

    /** Returns {@code encodedPath} unchanged, or throws {@link IllegalArgumentException} for a commands path. */
    public static String check(String encodedPath) {
        String p = encodedPath.toLowerCase(Locale.ROOT);
        if (p.contains("/commands/") || p.endsWith("/commands") || p.startsWith("commands/")) {
            throw new IllegalArgumentException(COMMANDS_REFUSED + ": " + encodedPath);
        }
        return encodedPath;
    }
}
