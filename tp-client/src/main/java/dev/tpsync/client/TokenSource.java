package dev.tpsync.client;

import dev.tpsync.core.credentials.BearerToken;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the client gets its bearer token. After a 401 the client asks for a replacement once; if
 * the source offers none, or the same token again, the call fails with
 * {@link TpApiException.TokenExpired} and is never repeated in a loop.
 */
public interface TokenSource {

    /** The token to send now. */
    BearerToken current();

    /**
     * Called after the server rejected {@code rejected} with 401. Return a different token to have
     * the request sent once more with it, or empty to give up.
     */
    Optional<BearerToken> refreshAfterRejection(BearerToken rejected);

    /** A source that always returns {@code token} and can never refresh it. */
    static TokenSource fixed(BearerToken token) {
        Objects.requireNonNull(token, "token == null");
        return new TokenSource() {
            @Override
            public BearerToken current() {
                return token;
            }

            @Override
            public Optional<BearerToken> refreshAfterRejection(BearerToken rejected) {
                return Optional.empty();
            }

            @Override
            public String toString() {
                return "TokenSource.fixed(" + token + ")";
            }
        };
    }
}
