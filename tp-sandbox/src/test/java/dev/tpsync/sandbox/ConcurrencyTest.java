package dev.tpsync.sandbox;

import static dev.tpsync.sandbox.SandboxHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void parallelCreates_getDistinctIds_andAllReachTheStoreFile() throws Exception {
        Path file = dir.resolve("store.json");
        List<Long> ids = new ArrayList<>();
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults().storeFile(file))) {
            String token = sandbox.issueToken(Duration.ofHours(1));
            String path = "/fitness/v6/athletes/" + sandbox.athleteId() + "/workouts";
            String body = JSON.writeValueAsString(SandboxHttp.minimalBody(sandbox.athleteId()));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(pool.submit(() -> SandboxHttp.json(new SandboxHttp(sandbox, token).post(path, body))
                            .path("workoutId").asLong()));
                }
                for (Future<Long> f : results) {
                    ids.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sandbox.createCount()).isEqualTo(40);
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(40);
        try (TpSandbox reloaded = TpSandbox.start(SandboxConfig.defaults().storeFile(file))) {
            assertThat(reloaded.workouts()).extracting(SandboxWorkout::workoutId).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
