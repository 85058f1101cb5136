package dev.tpsync.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A tiny independent test client for the sandbox, built on java.net.http. */
final class SandboxHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private @Nullable String token;

    SandboxHttp(TpSandbox sandbox, @Nullable String token) {
        this.base = sandbox.baseUrl();
        this.token = token;
    }

    void token(@Nullable String value) {
        this.token = value;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    HttpResponse<String> send(String method, String path, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String message(HttpResponse<String> response) {
        return json(response).path("message").asString();
    }

    /** A valid minimal create body for the athlete; tests change one field at a time. */
    static ObjectNode minimalBody(long athleteId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("athleteId", athleteId);
        n.put("workoutDay", "2026-06-03");
        n.put("workoutTypeValueId", 3);
        n.put("title", "Easy run");
        n.put("totalTimePlanned", 0.75);
        return n;
    }

    /** A valid structure object like the ones the TrainingPeaks UI sends. */
    static ObjectNode structure() {
        return (ObjectNode) JSON.readTree("""
                {"structure":[
                  {"type":"step","length":{"value":1,"unit":"repetition"},"steps":[
                    {"name":"Warm up","length":{"value":600,"unit":"second"},"targets":[{"minValue":60,"maxValue":70}],
                     "intensityClass":"warmUp","openDuration":false}]},
                  {"type":"repetition","length":{"value":4,"unit":"repetition"},"steps":[
                    {"type":"step","name":"Hard","length":{"value":300,"unit":"second"},"targets":[{"minValue":95,"maxValue":100}],"intensityClass":"active"},
                    {"type":"step","name":"Easy","length":{"value":120,"unit":"second"},"targets":[{"minValue":55}],"intensityClass":"rest"}]},
                  {"type":"step","length":{"value":1,"unit":"repetition"},"steps":[
                    {"name":"Cool down","length":{"value":600,"unit":"second"},"targets":[],"intensityClass":"coolDown"}]}],
                 "primaryLengthMetric":"duration","primaryIntensityMetric":"percentOfThresholdHr",
                 "primaryIntensityTargetOrRange":"range"}
                """);
    }

    static Path fixture(String name) {
        return Path.of(System.getProperty("tpsync.root", ".."), "..", "shared", "fixtures", "tp-api", name);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
