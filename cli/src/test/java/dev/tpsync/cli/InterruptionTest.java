package dev.tpsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shutdown hook's decisions, with the halt recorded instead of performed. */
class InterruptionTest {

    private final List<Integer> halts = new ArrayList<>();

    @Test
    void signalBeforeTheImportStarts_doesNotWaitOrHalt_andSetsNoStop() {
        Interruption interruption = new Interruption(Duration.ofMinutes(5));

        interruption.onShutdown(halts::add);

        assertThat(halts).isEmpty();
        assertThat(interruption.stopSignal().isStopRequested()).isFalse();
    }

    @Test
    void normalExitAfterTheImport_hookDoesNothing() {
        Interruption interruption = new Interruption(Duration.ofMinutes(5));
        interruption.importStarting();
        interruption.finished(0);

        interruption.onShutdown(halts::add);

        assertThat(halts).isEmpty();
    }

    @Test
    void signalDuringTheImport_requestsTheStop_waitsForTheSummary_andHaltsWithTheMainThreadsCode() throws Exception {
        Interruption interruption = new Interruption(Duration.ofMinutes(5));
        interruption.importStarting();
        CountDownLatch stopSeen = new CountDownLatch(1);
        Thread main = new Thread(() -> {
            try {
                // The "import" runs until the stop arrives, then prints its summary and returns 75.
                if (interruption.stopSignal().await(Duration.ofSeconds(30))) {
                    stopSeen.countDown();
                    interruption.finished(ExitCodes.RESUMABLE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.start();

        interruption.onShutdown(halts::add);

        assertThat(stopSeen.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(halts).containsExactly(ExitCodes.RESUMABLE);
        main.join(10_000);
    }

    @Test
    void importThatDoesNotWindDownInTime_stillEndsResumable() {
        Interruption interruption = new Interruption(Duration.ofMillis(50));
        interruption.importStarting();

        interruption.onShutdown(halts::add);

        assertThat(interruption.stopSignal().isStopRequested()).isTrue();
        assertThat(halts).containsExactly(ExitCodes.RESUMABLE);
    }
}
