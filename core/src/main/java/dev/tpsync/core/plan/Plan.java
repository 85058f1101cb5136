package dev.tpsync.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated plan: workouts in file order, each already placed on its date.
 *
 * <p>Only a reader that found no problem creates one, so holding a {@code Plan} means it is safe
 * to upload. Its {@link #contentHash()} identifies the import together with the athlete and the
 * anchor date.
 *
 * @param source   what the plan was read from (a file name), for messages
 * @param workouts the workouts in file order; never empty
 */
public record Plan(String source, List<PlannedWorkout> workouts) {

    public Plan {
        Objects.requireNonNull(source, "source == null");
        workouts = List.copyOf(workouts);
        if (workouts.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least one workout");
        }
    }

    /** SHA-256 (hex) over the workouts' content hashes in order; independent of formatting and comments. */
    public String contentHash() {
        StringBuilder sb = new StringBuilder();
        for (PlannedWorkout w : workouts) {
            sb.append(w.contentHash()).append('\n');
        }
        return PlannedWorkout.sha256(sb.toString());
    }

    /**
     * A stable key per workout: its content hash, suffixed {@code #n} for the n-th identical
     * workout in the plan (n starting at 1). Same order as {@link #workouts()}. Used as the
     * ledger key, so an unchanged row maps to the same key in any later import of this athlete.
     */
    public List<String> itemKeys() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>(workouts.size());
        for (PlannedWorkout w : workouts) {
            String h = w.contentHash();
            int n = seen.merge(h, 1, Integer::sum);
            keys.add(h + "#" + n);
        }
        return List.copyOf(keys);
    }
}
