package dev.tpsync.cli;

import dev.tpsync.core.credentials.AthleteIds;
import dev.tpsync.core.credentials.BearerToken;
import dev.tpsync.core.credentials.TokenParser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Parses what the user pasted: the token and the athlete ID. Both parse methods throw
 * {@link dev.tpsync.core.credentials.CredentialException} with a message that never contains the secret.
 */
interface CredentialCodec {

    BearerToken parseToken(String pasted);

    /**
     * Like {@link #parseToken}, plus one note per copy mistake that was fixed on the way (a label,
     * quotes, a missing or doubled {@code Bearer} space). Notes never contain the token.
     */
    default TokenParser.ParsedToken parseTokenWithNotes(String pasted) {
        return new TokenParser.ParsedToken(parseToken(pasted), List.of());
    }

    /** The token's expiry when it is a JWT carrying one; empty for opaque tokens. */
    Optional<Instant> expiry(BearerToken token);

    long parseAthlete(String pasted);

    /** The core parsers ({@link TokenParser}, {@link AthleteIds}). */
    static CredentialCodec standard() {
        return new CredentialCodec() {
            @Override
            public BearerToken parseToken(String pasted) {
                return TokenParser.parse(pasted);
            }

            @Override
            public TokenParser.ParsedToken parseTokenWithNotes(String pasted) {
                return TokenParser.parseWithNotes(pasted);
            }

            @Override
            public Optional<Instant> expiry(BearerToken token) {
                return TokenParser.expiry(token);
            }

            @Override
            public long parseAthlete(String pasted) {
                return AthleteIds.parse(pasted);
            }
        };
    }
}
