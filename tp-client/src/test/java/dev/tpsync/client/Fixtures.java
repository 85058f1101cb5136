package dev.tpsync.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the shared TrainingPeaks samples in ../shared/fixtures/tp-api. */
public final class Fixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    public static String tpApi(String name) {
        Path p = Path.of(System.getProperty("tpsync.root", ".."), "..", "shared", "fixtures", "tp-api", name);
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real list response: one planned bike workout with a null title and a structure object. */
    public static String listBikeNullTitle() {
        return tpApi("list-workouts-response.bike-ftp-rampup-null-title.tp2intervals.json");
    }

    /** A real list response: one planned swim with a distance-based structure object. */
    public static String listSwim() {
        return tpApi("list-workouts-response.swim-distance-structure.tp2intervals.json");
    }

    /** The create response captured from the web app (its sampled fields), as a JSON object. */
    public static String createResponseRunBasic() {
        JsonNode capture = JSON.readTree(tpApi("create-workout.network-capture.run-basic.igorpots1.json"));
        return JSON.writeValueAsString(capture.get("response").get("bodyFieldSamples"));
    }

    /** The structure object of the swim sample, encoded as the string a create request carries. */
    public static String swimStructureAsString() {
        JsonNode list = JSON.readTree(listSwim());
        return JSON.writeValueAsString(list.get(0).get("structure"));
    }
}
