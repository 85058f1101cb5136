package dev.tpsync.core.credentials;

/**
 * A pasted token or athlete ID is unusable. The message says which copy mistake was made and how to
 * fix it, and never contains the secret itself.
 */
public final class CredentialException extends RuntimeException {
    public CredentialException(String message) {
        super(message);
    }
}
