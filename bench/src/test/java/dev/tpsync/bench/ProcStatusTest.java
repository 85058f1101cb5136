package dev.tpsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void readsAKibFieldFromAStatusText() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  286720 kB\nVmRSS:\t  200000 kB\n";

        assertThat(ProcStatus.field(status, "VmHWM")).hasValue(286_720);
        assertThat(ProcStatus.field(status, "VmRSS")).hasValue(200_000);
        assertThat(ProcStatus.field(status, "VmSwap")).isEmpty();
    }

    @Test
    void aProcessThatDoesNotExistHasNoPeak() {
        assertThat(ProcStatus.peakRssKib(Long.MAX_VALUE)).isEmpty();
    }
}
