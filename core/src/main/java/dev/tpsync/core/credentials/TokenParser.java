package dev.tpsync.core.credentials;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns what a user pasted into a {@link BearerToken}. Contract placeholder: the full
 * implementation replaces the bodies.
 */
public final class TokenParser {

    private TokenParser() {
    }

    /**
     * Accepts {@code Bearer eyJ…}, {@code Authorization: Bearer eyJ…}, the bare token (JWT or opaque
     * {@code gAAAA…}), surrounded by quotes, spaces or newlines.
     *
     * @throws CredentialException naming the copy mistake; never echoing the token
     */
    public static BearerToken parse(String pasted) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The JWT {@code exp} claim when the token is a JWT with one (no signature check); empty otherwise. */
    public static Optional<Instant> expiry(BearerToken token) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
