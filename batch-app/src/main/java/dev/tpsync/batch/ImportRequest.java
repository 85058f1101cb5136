package dev.tpsync.batch;

import dev.tpsync.core.plan.Plan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One import to run. Holds no secret: the token travels only inside the {@code TpApi} given to
 * {@link ImportEngine#run}.
 *
 * @param plan      the validated plan
 * @param planFile  where it was read from (shown in messages and the resume command)
 * @param anchor    the {@code --start} date the plan was placed from
 * @param athleteId the athlete whose calendar receives the workouts
 * @param home      the state directory (job repository and ledger live here)
 * @param chunkSize workouts per chunk (1..1000)
 */
public record ImportRequest(Plan plan, Path planFile, LocalDate anchor, long athleteId, Path home, int chunkSize) {

    public ImportRequest {
        Objects.requireNonNull(plan, "plan == null");
        Objects.requireNonNull(planFile, "planFile == null");
        Objects.requireNonNull(anchor, "anchor == null");
        Objects.requireNonNull(home, "home == null");
        if (athleteId <= 0) {
            throw new IllegalArgumentException("athleteId must be positive: " + athleteId);
        }
        if (chunkSize < 1 || chunkSize > 1000) {
            throw new IllegalArgumentException("chunkSize must be in 1..1000: " + chunkSize);
        }
    }
}
