package dev.tpsync.sandbox;

import static dev.tpsync.sandbox.SandboxHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpsync.testing.VirtualClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-03T12:00:00Z"));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private TpSandbox sandbox;
    private SandboxHttp http;
    private String workouts;

    private void start(SandboxConfig config) {
        sandbox = TpSandbox.start(config.clock(clock).sleeper(sleeps::add));
        http = new SandboxHttp(sandbox, sandbox.issueToken(Duration.ofHours(1)));
        workouts = "/fitness/v6/athletes/" + sandbox.athleteId() + "/workouts";
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private HttpResponse<String> post(String title) throws Exception {
        return http.post(workouts, JSON.writeValueAsString(SandboxHttp.minimalBody(sandbox.athleteId()).put("title", title)));
    }

    @Test
    void lostResponseOnThirdPost_storesTheWorkoutButTheClientGetsNoAnswer() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.scripted().onPost(3, Fault.lostResponse()).build()));
        post("one");
        post("two");

        assertThatThrownBy(() -> post("three")).isInstanceOf(IOException.class);

        assertThat(sandbox.workouts()).extracting(SandboxWorkout::title).containsExactly("one", "two", "three");
        assertThat(sandbox.createCount()).isEqualTo(3);
        assertThat(sandbox.requests().get(2).fault()).isEqualTo(Fault.Kind.LOST_RESPONSE);
        assertThat(sandbox.requests().get(2).status()).isEqualTo(200);
        assertThat(post("four").statusCode()).isEqualTo(200);
    }

    @Test
    void reset_dropsTheConnectionBeforeHandling_andStoresNothing() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.scripted().onPost(1, Fault.reset()).build()));

        assertThatThrownBy(() -> post("one")).isInstanceOf(IOException.class);

        assertThat(sandbox.workouts()).isEmpty();
        assertThat(sandbox.requests()).singleElement().satisfies(r -> {
            assertThat(r.fault()).isEqualTo(Fault.Kind.RESET);
            assertThat(r.status()).isZero();
        });
        assertThat(post("again").statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyRequests_withRetryAfterSeconds() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.sequence(List.of(
                Fault.tooManyRequests(Duration.ofMillis(2500), Fault.RetryAfterFormat.SECONDS)))));

        HttpResponse<String> r = post("one");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(sandbox.workouts()).isEmpty();
        assertThat(post("one").statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyRequests_withRetryAfterHttpDate_fromTheSandboxClock() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.sequence(List.of(
                Fault.tooManyRequests(Duration.ofSeconds(30), Fault.RetryAfterFormat.HTTP_DATE)))));

        HttpResponse<String> r = post("one");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("Wed, 03 Jun 2026 12:00:30 GMT");
    }

    @Test
    void tooManyRequests_withoutRetryAfter() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.sequence(List.of(
                Fault.tooManyRequests(Duration.ofSeconds(1), Fault.RetryAfterFormat.ABSENT)))));

        HttpResponse<String> r = http.get("/users/v3/user");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void serviceUnavailable_is503AndStoresNothing() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.scripted().onRequest(1, Fault.serviceUnavailable()).build()));

        assertThat(post("one").statusCode()).isEqualTo(503);
        assertThat(sandbox.workouts()).isEmpty();
        assertThat(sandbox.requests().get(0).fault()).isEqualTo(Fault.Kind.SERVICE_UNAVAILABLE);
    }

    @Test
    void slowResponse_waitsTheConfiguredDelayThroughTheSleeper_thenAnswers() throws Exception {
        start(SandboxConfig.defaults().slowResponseDelay(Duration.ofSeconds(7))
                .faultPlan(FaultPlan.sequence(List.of(Fault.slow(), Fault.slow(Duration.ofMillis(250))))));

        assertThat(post("one").statusCode()).isEqualTo(200);
        assertThat(post("two").statusCode()).isEqualTo(200);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(250));
        assertThat(sandbox.workouts()).hasSize(2);
    }

    @Test
    void latency_isAddedToEveryRequest() throws Exception {
        start(SandboxConfig.defaults().latency(Duration.ofMillis(40)));

        http.get("/users/v3/user");
        http.get("/nowhere");

        assertThat(sleeps).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40));
    }

    @Test
    void rateLimit_answers429PastTheBurst_untilTheBucketRefills() throws Exception {
        AtomicLong nanos = new AtomicLong();
        start(SandboxConfig.defaults().rateLimit(2.0, 2).nanoTime(nanos::get));

        assertThat(http.get("/users/v3/user").statusCode()).isEqualTo(200);
        assertThat(http.get("/users/v3/user").statusCode()).isEqualTo(200);
        HttpResponse<String> limited = http.get("/users/v3/user");
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        HttpResponse<String> refilled = http.get("/users/v3/user");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refilled.statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimit_retryAfterCoversTheWholeWait() throws Exception {
        AtomicLong nanos = new AtomicLong();
        start(SandboxConfig.defaults().rateLimit(0.1, 1).nanoTime(nanos::get));
        http.get("/users/v3/user");

        HttpResponse<String> limited = http.get("/users/v3/user");

        assertThat(limited.headers().firstValue("Retry-After")).hasValue("10");
    }

    @Test
    void randomPlan_overHttp_producesTheFaultsItDecides() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.random(7, 0.2, 0.3, 0, 0, 0)));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(http.get("/users/v3/user").statusCode());
        }

        assertThat(statuses).contains(200, 429, 503);
        assertThat(sandbox.requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(switch (r.fault()) {
            case TOO_MANY_REQUESTS -> 429;
            case SERVICE_UNAVAILABLE -> 503;
            default -> 200;
        }));
    }

    @Test
    void randomPlan_isRepeatableForASeed_andLosesOnlyPosts() {
        FaultPlan a = FaultPlan.random(42, 0.1, 0.1, 0.1, 0.1, 0.1);
        FaultPlan b = FaultPlan.random(42, 0.1, 0.1, 0.1, 0.1, 0.1);
        FaultPlan lossy = FaultPlan.random(1, 0, 0, 0, 1, 0);

        List<Fault> first = new ArrayList<>();
        List<Fault> second = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            FaultPlan.Request request = new FaultPlan.Request(i % 2 == 0 ? "GET" : "POST", "/x", i, i);
            first.add(a.decide(request));
            second.add(b.decide(request));
        }

        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(Fault::kind).contains(Fault.Kind.values());
        assertThat(lossy.decide(new FaultPlan.Request("GET", "/x", 1, 1)).kind()).isEqualTo(Fault.Kind.NONE);
        assertThat(lossy.decide(new FaultPlan.Request("POST", "/x", 2, 1)).kind()).isEqualTo(Fault.Kind.LOST_RESPONSE);
    }

    @Test
    void randomPlan_rejectsProbabilitiesAboveOne() {
        assertThatThrownBy(() -> FaultPlan.random(1, 0.5, 0.6, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum");
        assertThatThrownBy(() -> FaultPlan.random(1, -0.1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandsCall_isRefusedEvenWhenAFaultIsScheduled() throws Exception {
        start(SandboxConfig.defaults().faultPlan(FaultPlan.sequence(List.of(Fault.reset()))));

        HttpResponse<String> r = http.post("/fitness/v6/athletes/1/commands/workouts/combine", "{}");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(sandbox.violations()).hasSize(1);
    }
}
