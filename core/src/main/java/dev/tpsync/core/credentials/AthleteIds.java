package dev.tpsync.core.credentials;

/** Parses an athlete ID as users paste it. Contract placeholder. */
public final class AthleteIds {

    private AthleteIds() {
    }

    /**
     * Digits only, or a TrainingPeaks URL containing {@code /athletes/<n>/}.
     *
     * @throws CredentialException saying what was wrong with the value
     */
    public static long parse(String pasted) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
