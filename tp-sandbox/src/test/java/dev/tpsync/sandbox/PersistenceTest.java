package dev.tpsync.sandbox;

import static dev.tpsync.sandbox.SandboxHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class PersistenceTest {

    @TempDir
    Path dir;

    @Test
    void workoutsAndIdCounterSurviveARestart_butTokensDoNot() throws Exception {
        Path file = dir.resolve("store/sandbox.json");
        SandboxConfig config = SandboxConfig.defaults().storeFile(file);
        String oldToken;
        long keptId;
        try (TpSandbox first = TpSandbox.start(config)) {
            oldToken = first.issueToken(Duration.ofHours(1));
            SandboxHttp http = new SandboxHttp(first, oldToken);
            String path = "/fitness/v6/athletes/" + first.athleteId() + "/workouts";
            ObjectNode full = SandboxHttp.minimalBody(first.athleteId());
            full.put("structure", JSON.writeValueAsString(SandboxHttp.structure()));
            full.put("startTimePlanned", "2026-06-03T06:15:00");
            full.put("distancePlanned", 10000);
            full.put("userTags", "a,b");
            keptId = SandboxHttp.json(http.post(path, JSON.writeValueAsString(full))).path("workoutId").asLong();
            long gone = SandboxHttp.json(http.post(path, JSON.writeValueAsString(SandboxHttp.minimalBody(first.athleteId()))))
                    .path("workoutId").asLong();
            http.delete(path + "/" + gone);
            assertThat(Files.exists(file)).isTrue();
        }
        try (Stream<Path> leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }

        try (TpSandbox second = TpSandbox.start(config)) {
            assertThat(second.workouts()).singleElement().satisfies(w -> {
                assertThat(w.workoutId()).isEqualTo(keptId);
                assertThat(w.startTimePlanned()).isEqualTo(LocalDateTime.of(2026, 6, 3, 6, 15));
                assertThat(w.distancePlanned()).isEqualTo(10000.0);
                assertThat(w.userTags()).isEqualTo("a,b");
                assertThat(JSON.readTree(w.structure())).isEqualTo(SandboxHttp.structure());
            });
            assertThat(new SandboxHttp(second, oldToken).get("/users/v3/user").statusCode()).isEqualTo(401);

            SandboxHttp http = new SandboxHttp(second, second.issueToken(Duration.ofHours(1)));
            long next = SandboxHttp.json(http.post("/fitness/v6/athletes/" + second.athleteId() + "/workouts",
                    JSON.writeValueAsString(SandboxHttp.minimalBody(second.athleteId())))).path("workoutId").asLong();
            assertThat(next).isEqualTo(keptId + 2);
            assertThat(second.createCount()).isEqualTo(1);
        }
        assertThat(Files.readString(file)).doesNotContain(oldToken).doesNotContain("eyJ");
    }

    @Test
    void missingStoreFile_startsEmpty_andIsWrittenOnFirstChange() throws Exception {
        Path file = dir.resolve("new.json");
        try (TpSandbox sandbox = TpSandbox.start(SandboxConfig.defaults().storeFile(file))) {
            assertThat(sandbox.workouts()).isEmpty();
            assertThat(Files.exists(file)).isFalse();

            sandbox.seedWorkout(java.time.LocalDate.of(2026, 1, 1), 1, "swim");

            assertThat(Files.readString(file)).contains("\"swim\"").contains("nextWorkoutId");
        }
    }
}
