package dev.tpsync.core.plan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and fully validates a plan file.
 *
 * <p>Implementations collect every problem in the file before failing, so a user fixes them all
 * in one pass. They are stateless and thread-safe.
 */
public interface PlanReader {

    /**
     * Reads the plan at {@code file}, placing workouts relative to {@code options}.
     *
     * @throws InvalidPlanException listing every problem, when anything is wrong (including an empty plan)
     * @throws IOException          when the file cannot be read at all
     */
    Plan read(Path file, PlanReadOptions options) throws IOException;
}
