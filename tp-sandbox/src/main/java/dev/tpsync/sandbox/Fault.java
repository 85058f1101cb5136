package dev.tpsync.sandbox;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One injected failure for one request.
 *
 * @param kind what goes wrong
 * @param retryAfter for {@link Kind#TOO_MANY_REQUESTS}: the wait announced in {@code Retry-After}
 * @param retryAfterFormat for {@link Kind#TOO_MANY_REQUESTS}: how (or whether) {@code Retry-After} is written
 * @param delay for {@link Kind#SLOW}: the wait before answering; {@code null} means the config's
 *     {@link SandboxConfig#slowResponseDelay()}
 */
public record Fault(Kind kind, Duration retryAfter, RetryAfterFormat retryAfterFormat, @Nullable Duration delay) {

    /** What an injected fault does to the request. */
    public enum Kind {
        /** The request is handled normally. */
        NONE,
        /** 429 before handling; nothing is stored. */
        TOO_MANY_REQUESTS,
        /** 503 before handling; nothing is stored. */
        SERVICE_UNAVAILABLE,
        /** The sandbox waits, then handles the request normally. */
        SLOW,
        /** The connection is closed before the request is handled; nothing is stored. */
        RESET,
        /** The request is handled (a POST stores its workout), then the connection is closed with no response. */
        LOST_RESPONSE
    }

    /** How a 429 announces when to come back. */
    public enum RetryAfterFormat {
        /** {@code Retry-After: <seconds>}. */
        SECONDS,
        /** {@code Retry-After: <IMF-fixdate>} computed from the sandbox clock. */
        HTTP_DATE,
        /** No {@code Retry-After} header at all. */
        ABSENT
    }

    private static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO, RetryAfterFormat.ABSENT, null);

    public Fault {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(retryAfter, "retryAfter == null");
        Objects.requireNonNull(retryAfterFormat, "retryAfterFormat == null");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay < 0: " + delay);
        }
    }

    public static Fault none() {
        return NONE;
    }

    /** 429 with {@code Retry-After: 1}. */
    public static Fault tooManyRequests() {
        return tooManyRequests(Duration.ofSeconds(1), RetryAfterFormat.SECONDS);
    }

    public static Fault tooManyRequests(Duration retryAfter, RetryAfterFormat format) {
        return new Fault(Kind.TOO_MANY_REQUESTS, retryAfter, format, null);
    }

    public static Fault serviceUnavailable() {
        return new Fault(Kind.SERVICE_UNAVAILABLE, Duration.ZERO, RetryAfterFormat.ABSENT, null);
    }

    /** A slow answer that waits {@link SandboxConfig#slowResponseDelay()}. */
    public static Fault slow() {
        return new Fault(Kind.SLOW, Duration.ZERO, RetryAfterFormat.ABSENT, null);
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, Duration.ZERO, RetryAfterFormat.ABSENT, Objects.requireNonNull(delay, "delay == null"));
    }

    public static Fault reset() {
        return new Fault(Kind.RESET, Duration.ZERO, RetryAfterFormat.ABSENT, null);
    }

    public static Fault lostResponse() {
        return new Fault(Kind.LOST_RESPONSE, Duration.ZERO, RetryAfterFormat.ABSENT, null);
    }
}
