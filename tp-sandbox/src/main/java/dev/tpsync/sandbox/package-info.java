/** An in-process simulated TrainingPeaks browser API, strict about what the real one enforces. */
@NullMarked
package dev.tpsync.sandbox;

import org.jspecify.annotations.NullMarked;
