package dev.tpsync.sandbox;

/** The kind of TrainingPeaks account the sandbox pretends the token belongs to. */
public enum AccountType {
    /** A premium athlete: may plan workouts on its own calendar on any date. */
    ATHLETE,
    /** A coach: may plan workouts only for the athletes on its roster, not on its own ID. */
    COACH,
    /** A free athlete: gets 403 when creating a workout dated after today (TrainingPeaks server time, UTC-6). */
    BASIC_ATHLETE
}
