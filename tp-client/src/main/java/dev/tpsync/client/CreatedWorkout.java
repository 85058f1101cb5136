package dev.tpsync.client;

import java.time.LocalDate;

/**
 * What TrainingPeaks confirmed after a create: the new workout's ID and the day it landed on.
 */
public record CreatedWorkout(long workoutId, LocalDate workoutDay) {
}
