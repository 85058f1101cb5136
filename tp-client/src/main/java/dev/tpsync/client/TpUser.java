package dev.tpsync.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The account behind a token ({@code GET /users/v3/user}).
 *
 * @param userId    the user's ID
 * @param personId  the person ID (equal to userId on the accounts seen so far)
 * @param athlete   whether the account is an athlete's own
 * @param coach     whether the account is a coach's
 * @param athletes  the athletes this account may plan for (a coach's roster, or the athlete itself)
 */
public record TpUser(long userId, @Nullable Long personId, @Nullable String firstName, @Nullable String lastName,
                     boolean athlete, boolean coach, List<Athlete> athletes) {

    public TpUser {
        athletes = List.copyOf(athletes);
    }

    /** One athlete on the account's roster. */
    public record Athlete(long athleteId, @Nullable String firstName, @Nullable String lastName) {
    }

    /** Whether {@code athleteId} is this account's own ID or on its roster (tp-api.md §1). */
    public boolean mayPlanFor(long athleteId) {
        return athleteId == userId
                || (personId != null && athleteId == personId)
                || athletes.stream().anyMatch(a -> a.athleteId() == athleteId);
    }
}
