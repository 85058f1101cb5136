package dev.tpsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void standsStillUntilTold() {
        VirtualClock time = VirtualClock.startingAt(START);

        assertThat(time.instant()).isEqualTo(START);
        assertThat(time.nanoTime()).isZero();
        assertThat(time.elapsed()).isZero();
    }

    @Test
    void sleepRecordsTheWait_andMovesInstantAndNanoTimeTogether() {
        VirtualClock time = VirtualClock.startingAt(START);

        time.sleep(Duration.ofSeconds(7));
        time.sleep(Duration.ZERO);
        time.advance(Duration.ofMillis(500));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ZERO);
        assertThat(time.sleepCount()).isEqualTo(2);
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(7));
        assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(7500));
        assertThat(time.instant()).isEqualTo(START.plusMillis(7500));
        assertThat(time.nanoTimeSource().getAsLong()).isEqualTo(Duration.ofMillis(7500).toNanos());
    }

    @Test
    void negativeSleep_isRecordedButDoesNotTurnTimeBack_andNegativeAdvanceIsRefused() {
        VirtualClock time = VirtualClock.startingAt(START);

        time.sleep(Duration.ofSeconds(-1));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(-1));
        assertThat(time.instant()).isEqualTo(START);
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentSleepers_eachAddTheirWholeWait() throws InterruptedException {
        VirtualClock time = VirtualClock.startingAt(START);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4_000; i++) {
            pool.execute(() -> time.sleep(Duration.ofMillis(1)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(time.sleepCount()).isEqualTo(4_000);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void startingNow_startsOnAWholeSecondInUtc() {
        VirtualClock time = VirtualClock.startingNow();

        assertThat(time.instant().getNano()).isZero();
        assertThat(time.getZone()).hasToString("Z");
        assertThat(time.withZone(java.time.ZoneId.of("Europe/Berlin"))).isSameAs(time);
    }
}
