package dev.tpsync.client;

/**
 * Whether a failed request may be tried again: {@link #maySendAgain} is exactly the test the client's
 * own retry applies, public so callers can ask the same question. Callers above the client should
 * not re-send what the client already gave up on; the batch writer instead decides with
 * {@link TpApiException#outcomeUnknown()} (read the day back, then maybe POST again) and its own list
 * of failures that certainly created nothing, and the CLI reads {@link TpApiException#isRetryable()}
 * to tell a resumable start-up failure from a fatal one.
 */
public final class RetryClassifier {

    private RetryClassifier() {
    }

    /** True for a {@link TpApiException} that says {@link TpApiException#isRetryable()} (429, 5xx, transport). */
    public static boolean isRetryable(Throwable failure) {
        return failure instanceof TpApiException e && e.isRetryable();
    }

    /**
     * True when the very same request may be sent again blindly: retryable, and not a request whose
     * effect is unknown (a POST that may have been carried out, see {@link TpApiException#outcomeUnknown()}).
     * The client retries only these; an outcome-unknown create is left to the caller, which must
     * read the day back before sending it again.
     */
    public static boolean maySendAgain(Throwable failure) {
        return isRetryable(failure) && !((TpApiException) failure).outcomeUnknown();
    }
}
