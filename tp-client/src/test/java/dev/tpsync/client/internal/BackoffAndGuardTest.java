package dev.tpsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffAndGuardTest {

    @Test
    void backoffDoublesFromHalfASecondWithJitterAndStopsAtThirtySeconds() {
        Backoff backoff = new Backoff(new SplittableRandom(7));
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(30_000, 500L << (attempt - 1));
            assertThat(backoff.delay(attempt)).isBetween(Duration.ofMillis(ceiling / 2), Duration.ofMillis(ceiling));
        }
    }

    @Test
    void backoffIsRepeatableWithTheSameSeed() {
        Backoff a = new Backoff(new SplittableRandom(42));
        Backoff b = new Backoff(new SplittableRandom(42));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(a.delay(attempt)).isEqualTo(b.delay(attempt));
        }
    }

    @Test
    void guardRefusesCommandsPaths() {
        assertThatThrownBy(() -> PathGuard.check("/plans/v1/commands/applyplan"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(PathGuard.COMMANDS_REFUSED + ": /plans/v1/commands/applyplan");
        assertThatThrownBy(() -> PathGuard.check("/fitness/v6/athletes/1/Commands/workouts/combine"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathGuard.check("/fitness/v6/athletes/1/commands"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guardLetsWorkoutPathsThrough() {
        assertThat(PathGuard.check("/fitness/v6/athletes/1/workouts")).isEqualTo("/fitness/v6/athletes/1/workouts");
        assertThat(PathGuard.check("/users/v3/user")).isEqualTo("/users/v3/user");
    }
}
