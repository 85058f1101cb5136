package dev.tpsync.sandbox;

import java.util.Objects;

/**
 * One request the sandbox received. It never holds the bearer token: only whether an
 * {@code Authorization} header was present.
 *
 * @param path raw path, plus {@code ?query} when there was one
 * @param body the request body as UTF-8 text ("" when empty or not read because of a reset)
 * @param status the status sent, or the status that would have been sent for {@link Fault.Kind#LOST_RESPONSE};
 *     0 for {@link Fault.Kind#RESET}
 * @param fault the fault injected into this request ({@link Fault.Kind#NONE} for none)
 */
public record RecordedRequest(
        String method, String path, String body, int status, boolean authorizationPresent, Fault.Kind fault) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(fault, "fault == null");
    }
}
