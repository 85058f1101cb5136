package dev.tpsync.cli;

import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlanReadOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and validates a plan file; the CLI's seam over the core plan readers.
 *
 * <p>Throws {@link dev.tpsync.core.plan.InvalidPlanException} listing every problem, or
 * {@link IOException} when the file cannot be read at all.
 */
@FunctionalInterface
interface PlanSource {
    Plan read(Path file, PlanReadOptions options) throws IOException;
}
