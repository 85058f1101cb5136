package dev.tpsync.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues and checks JWT-form bearer tokens signed with HMAC-SHA256 under a random per-sandbox key.
 *
 * <p>Only the token ID ({@code jti}) and its limits are remembered, never the token text. Thread-safe.
 */
public final class TokenAuthority {

    /** Why a bearer was refused; the HTTP answer is the same 401 for all of them. */
    public enum Verdict { ACCEPTED, MISSING, MALFORMED, UNKNOWN, EXPIRED, BUDGET_EXHAUSTED }

    private record Issued(Instant expiresAt, int budget, AtomicInteger used) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final JsonMapper json;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    public TokenAuthority(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        random.nextBytes(key);
    }

    /** A new token for {@code subject} valid for {@code lifetime} on the clock and, if budget > 0, budget requests. */
    public String issue(long subject, Duration lifetime, int budget) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be > 0, got " + lifetime);
        }
        if (budget < 0) {
            throw new IllegalArgumentException("request budget must be >= 0, got " + budget);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        byte[] id = new byte[12];
        random.nextBytes(id);
        String jti = HexFormat.of().formatHex(id);
        ObjectNode payload = json.createObjectNode();
        payload.put("sub", Long.toString(subject));
        payload.put("iat", now.getEpochSecond());
        // exp is whole seconds, rounded up so a client that trusts it never thinks the token lives shorter.
        long exp = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
        payload.put("exp", exp);
        payload.put("jti", jti);
        payload.put("iss", "tpsync-sandbox");
        String body = B64.encodeToString(json.writeValueAsBytes(payload));
        String signingInput = HEADER + "." + body;
        issued.put(jti, new Issued(expiresAt, budget, new AtomicInteger()));
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    /** Checks an {@code Authorization} header value; an accepted check uses one request of the token's budget. */
    public Verdict check(@Nullable String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Verdict.MISSING;
        }
        String value = authorizationHeader.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.MALFORMED;
        }
        String token = value.substring(7).strip();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Verdict.MALFORMED;
        }
        byte[] signature;
        JsonNode payload;
        try {
            signature = B64D.decode(parts[2]);
            payload = json.readTree(B64D.decode(parts[1]));
        } catch (RuntimeException e) {
            return Verdict.MALFORMED;
        }
        if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
            return Verdict.UNKNOWN;
        }
        JsonNode jti = payload.get("jti");
        @Nullable Issued state = jti == null || !jti.isString() ? null : issued.get(jti.stringValue());
        if (state == null) {
            return Verdict.UNKNOWN;
        }
        if (!clock.instant().isBefore(state.expiresAt())) {
            return Verdict.EXPIRED;
        }
        if (state.budget() > 0 && state.used().incrementAndGet() > state.budget()) {
            return Verdict.BUDGET_EXHAUSTED;
        }
        return Verdict.ACCEPTED;
    }

    public void revokeAll() {
        issued.clear();
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
