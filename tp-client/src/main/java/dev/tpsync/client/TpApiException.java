package dev.tpsync.client;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every failure of a TrainingPeaks call: one sealed hierarchy, mapped from the HTTP outcome in
 * exactly one place (the client's error mapper).
 *
 * <p>{@link #isRetryable()} is the transient-versus-fatal verdict. The client's own retry already
 * re-sends every retryable failure whose outcome is known ({@link RetryClassifier#maySendAgain}), so
 * what reaches a caller has been retried as far as the patience allows; callers should not retry it
 * again, except that a create with {@link #outcomeUnknown()} may be sent again after reading the day
 * back, which is what the batch writer does. The CLI uses {@link #isRetryable()} to tell a resumable
 * start-up failure from a fatal one. Messages never contain the token: they hold the method, the
 * path and what the server said.
 */
public sealed abstract class TpApiException extends RuntimeException {

    private final int status;
    private final String method;
    private final String path;

    TpApiException(int status, String method, String path, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.method = method;
        this.path = path;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int status() {
        return status;
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** The request path (no host, no query). Never contains a secret. */
    public String path() {
        return path;
    }

    /** Whether the same request may succeed if sent again later (429, 5xx, transport errors). */
    public abstract boolean isRetryable();

    /**
     * Whether the server may have carried the request out although we saw no success: a POST whose
     * response was lost (timeout or reset after the body was sent, 502, 504). Re-sending such a
     * create without reading the calendar back first could duplicate the workout.
     */
    public boolean outcomeUnknown() {
        return false;
    }

    /** 401: the token expired or was revoked. Not retryable with the same token. */
    public static final class TokenExpired extends TpApiException {
        public TokenExpired(String method, String path, String message) {
            super(401, method, path, message, null);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** 403: the account may not do this (e.g. a basic account planning a future day); carries TrainingPeaks' message. */
    public static final class Forbidden extends TpApiException {
        public Forbidden(String method, String path, String message) {
            super(403, method, path, message, null);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** 429: slow down. Carries the server's {@code Retry-After}, when it sent one. */
    public static final class RateLimited extends TpApiException {
        private final @Nullable Duration retryAfter;

        public RateLimited(String method, String path, String message, @Nullable Duration retryAfter) {
            super(429, method, path, message, null);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /** Any other 4xx: the request itself is wrong. Not retryable. */
    public static final class ClientError extends TpApiException {
        public ClientError(int status, String method, String path, String message) {
            super(status, method, path, message, null);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** 5xx: the server failed. Retryable; a 502/504 on a POST leaves the outcome unknown. */
    public static final class ServerError extends TpApiException {
        public ServerError(int status, String method, String path, String message) {
            super(status, method, path, message, null);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }

        @Override
        public boolean outcomeUnknown() {
            return "POST".equals(method()) && (status() == 502 || status() == 504);
        }
    }

    /** No usable response: connect failure, timeout, reset. Retryable. */
    public static final class Transport extends TpApiException {
        private final boolean requestSent;

        public Transport(String method, String path, String message, boolean requestSent, @Nullable Throwable cause) {
            super(0, method, path, message, cause);
            this.requestSent = requestSent;
        }

        @Override
        public boolean isRetryable() {
            return true;
        }

        /** A POST whose body may have reached the server before the connection failed. */
        @Override
        public boolean outcomeUnknown() {
            return requestSent && "POST".equals(method());
        }
    }

    /** A 2xx whose body is not what the API promises (e.g. a create without {@code workoutId}). */
    public static final class InvalidResponse extends TpApiException {
        public InvalidResponse(int status, String method, String path, String message) {
            super(status, method, path, message, null);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /**
     * The service stayed unavailable longer than the configured patience (circuit open or retries
     * exhausted). The run should stop cleanly and be resumed later.
     */
    public static final class Unavailable extends TpApiException {
        public Unavailable(String method, String path, String message, @Nullable Throwable cause) {
            super(0, method, path, message, cause);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }
}
