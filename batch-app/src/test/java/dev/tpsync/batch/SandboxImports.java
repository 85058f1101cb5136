package dev.tpsync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpsync.client.TpClient;
import dev.tpsync.core.credentials.BearerToken;
import dev.tpsync.core.plan.Plan;
import dev.tpsync.core.plan.PlannedWorkout;
import dev.tpsync.core.plan.Sport;
import dev.tpsync.sandbox.SandboxWorkout;
import dev.tpsync.sandbox.TpSandbox;
import dev.tpsync.testing.VirtualClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Shared pieces of the engine tests that run a real TpClient against a real TpSandbox. */
final class SandboxImports {

    static final LocalDate ANCHOR = LocalDate.of(2026, 3, 2);

    private SandboxImports() {
    }

    /** {@code n} workouts, two a day (a run and a ride), each with its own title. */
    static Plan plan(int n) {
        List<PlannedWorkout> workouts = IntStream.rangeClosed(1, n)
                .mapToObj(i -> new PlannedWorkout(ANCHOR.plusDays((i - 1) / 2), i % 2 == 0 ? Sport.BIKE : Sport.RUN,
                        "Session " + i, Duration.ofMinutes(30 + i % 60), null, 40.0 + i % 50, null, null, null, i + 1))
                .toList();
        return new Plan("fault-plan.csv", workouts);
    }

    /** A client in virtual time: waits advance {@code time}, never the wall clock. */
    static TpClient.Builder client(TpSandbox sandbox, VirtualClock time, long seed) {
        return TpClient.builder()
                .baseUrl(sandbox.baseUrl().toString())
                .credentials(new BearerToken(sandbox.issueToken(Duration.ofHours(2))))
                .clock(time)
                .sleeper(time::sleep)
                .random(new java.util.Random(seed));
    }

    static String key(LocalDate day, int type, String title) {
        return day + "|" + type + "|" + title;
    }

    /** Each plan workout is on the sandbox calendar exactly once, and nothing else is. */
    static void assertCalendarHoldsPlanExactlyOnce(TpSandbox sandbox, Plan plan) {
        Map<String, Long> onCalendar = sandbox.workouts().stream()
                .collect(Collectors.groupingBy(w -> key(w.workoutDay(), w.workoutTypeValueId(), String.valueOf(w.title())),
                        Collectors.counting()));
        Map<String, Long> planned = plan.workouts().stream()
                .collect(Collectors.toMap(w -> key(w.date(), w.sport().typeId(), w.title()), w -> 1L));
        assertThat(onCalendar).isEqualTo(planned);
    }

    static Set<Long> sandboxIds(TpSandbox sandbox) {
        return sandbox.workouts().stream().map(SandboxWorkout::workoutId).collect(Collectors.toSet());
    }

    static <T> Map<T, Long> countBy(List<String> items, Function<String, T> f) {
        return items.stream().collect(Collectors.groupingBy(f, Collectors.counting()));
    }
}
