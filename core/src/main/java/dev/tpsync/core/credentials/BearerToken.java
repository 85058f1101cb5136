package dev.tpsync.core.credentials;

import java.util.Objects;

/**
 * A normalised TrainingPeaks bearer token: the bare token, without {@code Bearer }.
 *
 * <p>A secret: {@link #toString()} never shows it. Use {@link #headerValue()} only when building
 * the {@code Authorization} header. Build one with {@code TokenParser}, which explains copy mistakes.
 */
public record BearerToken(String token) {

    public BearerToken {
        Objects.requireNonNull(token, "token == null");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token is empty");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                // Never echo the token itself, only where the bad character is.
                throw new IllegalArgumentException("token contains a space or control character at position " + i);
            }
        }
    }

    /** The value of the {@code Authorization} header: {@code "Bearer " + token}. */
    public String headerValue() {
        return "Bearer " + token;
    }

    /** Redacted: shows only the length and the token's kind. */
    @Override
    public String toString() {
        return "BearerToken[" + (token.startsWith("eyJ") ? "JWT" : "opaque") + ", " + token.length() + " chars, redacted]";
    }
}
