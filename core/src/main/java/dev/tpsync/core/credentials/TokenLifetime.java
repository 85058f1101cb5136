package dev.tpsync.core.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a token expires, seen from one moment.
 *
 * @param expiresAt the token's {@code exp}
 * @param now       the moment this lifetime was computed for
 */
public record TokenLifetime(Instant expiresAt, Instant now) {

    public TokenLifetime {
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(now, "now == null");
    }

    static TokenLifetime at(Instant expiresAt, Instant now) {
        return new TokenLifetime(expiresAt, now);
    }

    /** True from the expiry instant on. */
    public boolean expired() {
        return !now.isBefore(expiresAt);
    }

    /** Time left before expiry; zero once expired. */
    public Duration remaining() {
        return expired() ? Duration.ZERO : Duration.between(now, expiresAt);
    }

    /** How long ago it expired; zero while still valid. */
    public Duration expiredAgo() {
        return expired() ? Duration.between(expiresAt, now) : Duration.ZERO;
    }

    /** A sentence for the user, e.g. "The token expires in 12 min (at 2026-03-02T10:15:00Z)." */
    public String describe() {
        return expired()
                ? "The token expired " + human(expiredAgo()) + " ago (at " + expiresAt + "). Copy a fresh one."
                : "The token expires in " + human(remaining()) + " (at " + expiresAt + ").";
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            long m = (s % 3600) / 60;
            return (s / 3600) + " h" + (m == 0 ? "" : " " + m + " min");
        }
        return (s / 86_400) + " d";
    }
}
