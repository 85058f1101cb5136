package dev.tpsync.sandbox;

import java.net.URI;
import java.time.Duration;

/**
 * A simulated TrainingPeaks on a loopback port. Contract placeholder: the full implementation
 * replaces this class.
 */
public final class TpSandbox implements AutoCloseable {

    private TpSandbox() {
    }

    /** Starts a sandbox on 127.0.0.1 with an ephemeral port. */
    public static TpSandbox start(SandboxConfig config) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUrl() {
        throw new UnsupportedOperationException();
    }

    /** The athlete whose calendar this sandbox holds. */
    public long athleteId() {
        throw new UnsupportedOperationException();
    }

    /** Issues a fresh JWT-form token (with {@code exp}) that the sandbox accepts for {@code lifetime}. */
    public String issueToken(Duration lifetime) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
