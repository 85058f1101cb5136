package dev.tpsync.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Test tokens: realistic shapes, fake content. */
final class Tokens {

    static final Instant EXP = Instant.parse("2026-03-02T10:15:00Z");
    static final String JWT = jwt("{\"sub\":\"4711\",\"exp\":" + EXP.getEpochSecond() + ",\"scope\":\"calendar\"}");
    static final String JWT_NO_EXP = jwt("{\"sub\":\"4711\"}");
    static final String OPAQUE = "gAAAAABnQ3vT" + "Xk9mR2pLq8sVwYz0aBcDeFgHiJkLmNoPqRsTuVwXyZ_-1234567890abcdefQRSTUV" + "==";

    private Tokens() {
    }

    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "."
                + "c2lnbmF0dXJlLW5vdC1jaGVja2VkLWJ5LXRwc3luYy0xMjM0NTY3ODkw";
    }

    /** Fails when {@code text} contains any run of 7 or more characters of {@code token}. */
    static void assertNoPieceOf(String token, String text) {
        for (int i = 0; i + 7 <= token.length(); i++) {
            String piece = token.substring(i, i + 7);
            assertThat(text).as("must not contain a piece of the token").doesNotContain(piece);
        }
    }
}
