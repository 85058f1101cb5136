package dev.tpsync.client;

/**
 * The one place that decides whether a failure is worth trying again, shared by the client's own
 * retry and the batch layer so the two never disagree.
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
