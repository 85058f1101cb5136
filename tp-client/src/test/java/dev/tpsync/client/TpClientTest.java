package dev.tpsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tpsync.client.internal.Backoff;
import dev.tpsync.core.credentials.BearerToken;
import dev.tpsync.testing.VirtualClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TpClientTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "gAAAA_very_secret_token_0123456789";
    private static final long ATHLETE = 3102415;
    private static final String WORKOUTS = "/fitness/v6/athletes/" + ATHLETE + "/workouts";
    private static final String USER = "/users/v3/user";
    private static final String USER_JSON = """
            {"user":{"userId":3102415,"personId":3102415,"firstName":"Ada","lastName":"Lovelace",
             "athletes":[{"athleteId":3102415,"firstName":"Ada","lastName":"Lovelace"}]},
             "accountStatus":{"isAthlete":true,"isCoach":false}}""";

    private final VirtualClock time = VirtualClock.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<TpClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TpClient::close);
    }

    private TpClient.Builder builder() {
        return TpClient.builder()
                .baseUrl(wm.baseUrl())
                .credentials(new BearerToken(TOKEN))
                .clock(time)
                .sleeper(time::sleep)
                .random(new SplittableRandom(1));
    }

    private TpClient client(TpClient.Builder b) {
        TpClient c = b.build();
        clients.add(c);
        return c;
    }

    private TpClient client() {
        return client(builder());
    }

    /** Stubs {@code method url} to answer with the responses in turn; the last one repeats. */
    private static void sequence(String method, String url, ResponseDefinitionBuilder... responses) {
        String scenario = method + " " + url;
        for (int i = 0; i < responses.length; i++) {
            var mapping = request(method, urlEqualTo(url)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step" + i)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                mapping = mapping.willSetStateTo("step" + (i + 1));
            }
            wm.stubFor(mapping);
        }
    }

    private static ResponseDefinitionBuilder status(int code) {
        return aResponse().withStatus(code);
    }

    private static NewWorkout easyRun() {
        return new NewWorkout(ATHLETE, LocalDate.of(2026, 6, 3), 3, "Easy run", null, 0.5, 5570.0, null, null, null, null);
    }

    // ------------------------------------------------------------------ calls and bodies

    @Test
    void currentUser_readsTheAccountAndSendsJsonHeadersWithTheToken() {
        wm.stubFor(get(USER).willReturn(okJson(USER_JSON)));

        TpUser user = client().currentUser();

        assertThat(user.userId()).isEqualTo(ATHLETE);
        assertThat(user.athlete()).isTrue();
        assertThat(user.mayPlanFor(ATHLETE)).isTrue();
        wm.verify(1, getRequestedFor(urlEqualTo(USER))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", matching("tpsync/\\S+")));
    }

    @Test
    void baseUrlWithTrailingSlashBuildsCleanPaths() {
        wm.stubFor(get(USER).willReturn(okJson(USER_JSON)));

        client(builder().baseUrl(wm.baseUrl() + "/")).currentUser();

        wm.verify(1, getRequestedFor(urlEqualTo(USER)));
    }

    @Test
    void createWorkout_sendsExactFieldsInApiUnitsWithoutNulls() {
        wm.stubFor(post(WORKOUTS).willReturn(okJson(Fixtures.createResponseRunBasic())));
        NewWorkout w = new NewWorkout(ATHLETE, LocalDate.of(2026, 6, 3), 3, "Easy run", "Zone 2", 0.3333333333333333,
                5570.0, null, null, LocalDateTime.of(2026, 6, 3, 7, 30), null);

        CreatedWorkout created = client().createWorkout(ATHLETE, w);

        assertThat(created).isEqualTo(new CreatedWorkout(3769775845L, LocalDate.of(2026, 6, 3)));
        wm.verify(1, postRequestedFor(urlEqualTo(WORKOUTS))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"athleteId":3102415,"workoutDay":"2026-06-03","workoutTypeValueId":3,"title":"Easy run",
                         "description":"Zone 2","totalTimePlanned":0.3333333333333333,"distancePlanned":5570.0,
                         "startTimePlanned":"2026-06-03T07:30:00"}""")));
        assertThat(wm.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("null");
    }

    @Test
    void createWorkout_sendsTheStructureAsAString() {
        wm.stubFor(post(WORKOUTS).willReturn(okJson(Fixtures.createResponseRunBasic())));
        String structure = Fixtures.swimStructureAsString();
        NewWorkout w = new NewWorkout(ATHLETE, LocalDate.of(2026, 6, 3), 1, "CSS swim", null, 1.0, null, null, null,
                null, structure);

        client().createWorkout(ATHLETE, w);

        String body = wm.getAllServeEvents().get(0).getRequest().getBodyAsString();
        var sent = Fixtures.JSON.readTree(body);
        assertThat(sent.get("structure").isString()).isTrue();
        assertThat(Fixtures.JSON.readTree(sent.get("structure").stringValue()))
                .isEqualTo(Fixtures.JSON.readTree(Fixtures.listSwim()).get(0).get("structure"));
    }

    @Test
    void createWorkout_200WithoutWorkoutIdIsInvalidResponseAndNotRetried() {
        wm.stubFor(post(WORKOUTS).willReturn(okJson("{\"title\":\"Easy run\",\"workoutDay\":\"2026-06-03T00:00:00\"}")));

        TpApiException e = catchThrowableOfType(TpApiException.class, () -> client().createWorkout(ATHLETE, easyRun()));

        assertThat(e).isInstanceOf(TpApiException.InvalidResponse.class);
        assertThat(e.getMessage()).contains("POST " + WORKOUTS).contains("no workoutId");
        wm.verify(1, postRequestedFor(urlEqualTo(WORKOUTS)));
    }

    @Test
    void createWorkout_acceptsAOneElementArrayResponse() {
        wm.stubFor(post(WORKOUTS).willReturn(okJson("[" + Fixtures.createResponseRunBasic() + "]")));

        assertThat(client().createWorkout(ATHLETE, easyRun()).workoutId()).isEqualTo(3769775845L);
    }

    @Test
    void listWorkouts_splitsA200DayRangeIntoConsecutive90DayWindows() {
        wm.stubFor(get(urlPathMatching(WORKOUTS + "/.*")).willReturn(okJson("[]")));
        wm.stubFor(get(WORKOUTS + "/2026-04-01/2026-06-29").willReturn(okJson(Fixtures.listBikeNullTitle())));

        List<CalendarWorkout> list = client().listWorkouts(ATHLETE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 19));

        assertThat(list).extracting(CalendarWorkout::workoutId).containsExactly(2585450522L);
        assertThat(wm.findAll(getRequestedFor(urlPathMatching(WORKOUTS + "/.*"))))
                .extracting(LoggedRequest::getUrl)
                .containsExactly(
                        WORKOUTS + "/2026-01-01/2026-03-31",
                        WORKOUTS + "/2026-04-01/2026-06-29",
                        WORKOUTS + "/2026-06-30/2026-07-19");
    }

    @Test
    void listWorkouts_readsTheDayBeforeTWhateverTheStructureShape() {
        wm.stubFor(get(WORKOUTS + "/2026-03-01/2026-03-07").willReturn(okJson("""
                [{"workoutId":2,"workoutDay":"2026-03-02T00:00:00","structure":{"structure":[]},"title":"B"},
                 {"workoutId":1,"workoutDay":"2026-03-01T00:00:00","structure":"{\\"structure\\":[]}","title":null}]""")));

        List<CalendarWorkout> list = client().listWorkouts(ATHLETE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7));

        assertThat(list).extracting(CalendarWorkout::workoutDay)
                .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
    }

    @Test
    void listWorkouts_aWorkoutTypeTooBigForAnIntIsUnknownAndAnIdTooBigIsInvalidResponse() {
        wm.stubFor(get(WORKOUTS + "/2026-03-01/2026-03-07").willReturn(okJson("""
                [{"workoutId":1,"workoutDay":"2026-03-01","workoutTypeValueId":99999999999}]""")));
        wm.stubFor(get(WORKOUTS + "/2026-03-08/2026-03-14").willReturn(okJson("""
                [{"workoutId":1e30,"workoutDay":"2026-03-08"}]""")));
        TpClient c = client();

        List<CalendarWorkout> list = c.listWorkouts(ATHLETE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7));
        TpApiException e = catchThrowableOfType(TpApiException.class,
                () -> c.listWorkouts(ATHLETE, LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 14)));

        assertThat(list).singleElement().satisfies(w -> assertThat(w.workoutTypeValueId()).isNull());
        assertThat(e).isInstanceOf(TpApiException.InvalidResponse.class);
        assertThat(e.getMessage()).contains("GET " + WORKOUTS).contains("item 0 has no workoutId");
        wm.verify(1, getRequestedFor(urlEqualTo(WORKOUTS + "/2026-03-08/2026-03-14")));
    }

    @Test
    void createWorkout_aWorkoutIdTooBigForALongIsInvalidResponseNotLongMaxValue() {
        wm.stubFor(post(WORKOUTS).willReturn(okJson("{\"workoutId\":1e30,\"workoutDay\":\"2026-06-03T00:00:00\"}")));

        TpApiException e = catchThrowableOfType(TpApiException.class, () -> client().createWorkout(ATHLETE, easyRun()));

        assertThat(e).isInstanceOf(TpApiException.InvalidResponse.class);
        assertThat(e.getMessage()).contains("no workoutId");
        wm.verify(1, postRequestedFor(urlEqualTo(WORKOUTS)));
    }

    @Test
    void deleteWorkout_acceptsTrue() {
        wm.stubFor(delete(WORKOUTS + "/77").willReturn(okJson("true")));

        client().deleteWorkout(ATHLETE, 77);

        wm.verify(1, deleteRequestedFor(urlEqualTo(WORKOUTS + "/77")));
    }

    // ------------------------------------------------------------------ error mapping over HTTP

    @Test
    void unauthorized_withAFixedToken_isTokenExpiredAfterOneRequest() {
        wm.stubFor(get(USER).willReturn(status(401)));

        assertThatThrownBy(() -> client().currentUser()).isInstanceOf(TpApiException.TokenExpired.class);
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void unauthorized_withASourceThatHasAFreshToken_repeatsOnceWithIt() {
        wm.stubFor(get(USER).withHeader("Authorization", equalTo("Bearer old-token")).willReturn(status(401)));
        wm.stubFor(get(USER).withHeader("Authorization", equalTo("Bearer new-token")).willReturn(okJson(USER_JSON)));
        List<BearerToken> rejected = new ArrayList<>();
        TokenSource source = new TokenSource() {
            @Override
            public BearerToken current() {
                return new BearerToken("old-token");
            }

            @Override
            public Optional<BearerToken> refreshAfterRejection(BearerToken token) {
                rejected.add(token);
                return Optional.of(new BearerToken("new-token"));
            }
        };

        TpUser user = client(builder().tokenSource(source)).currentUser();

        assertThat(user.userId()).isEqualTo(ATHLETE);
        assertThat(rejected).containsExactly(new BearerToken("old-token"));
        wm.verify(2, getRequestedFor(urlEqualTo(USER)));
    }

    @Test
    void unauthorized_whenTheSourceOffersTheSameTokenAgain_failsWithoutLooping() {
        wm.stubFor(get(USER).willReturn(status(401)));
        BearerToken same = new BearerToken(TOKEN);
        TokenSource source = new TokenSource() {
            @Override
            public BearerToken current() {
                return same;
            }

            @Override
            public Optional<BearerToken> refreshAfterRejection(BearerToken token) {
                return Optional.of(new BearerToken(TOKEN));
            }
        };

        assertThatThrownBy(() -> client(builder().tokenSource(source)).currentUser())
                .isInstanceOf(TpApiException.TokenExpired.class);
        wm.verify(1, getRequestedFor(urlEqualTo(USER)));
    }

    @Test
    void forbidden_carriesTrainingPeaksMessage() {
        wm.stubFor(post(WORKOUTS).willReturn(status(403).withBody("{\"message\":\"Basic athletes cannot plan future workouts\"}")));

        TpApiException e = catchThrowableOfType(TpApiException.class, () -> client().createWorkout(ATHLETE, easyRun()));

        assertThat(e).isInstanceOf(TpApiException.Forbidden.class);
        assertThat(e.getMessage()).contains("Basic athletes cannot plan future workouts").contains("POST " + WORKOUTS);
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void notFound_isAClientErrorAndNotRetried() {
        wm.stubFor(delete(WORKOUTS + "/5").willReturn(status(404).withBody("\"Not found\"")));

        TpApiException e = catchThrowableOfType(TpApiException.class, () -> client().deleteWorkout(ATHLETE, 5));

        assertThat(e).isInstanceOf(TpApiException.ClientError.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("DELETE " + WORKOUTS + "/5 -> 404: Not found");
        wm.verify(1, anyRequestedFor(anyUrl()));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void serverError_onEveryAttempt_endsUnavailableWithinPatienceWithTheLastFailureAsCause() {
        wm.stubFor(get(USER).willReturn(status(500).withBody("\"An error has occurred.\"")));

        TpApiException e = catchThrowableOfType(TpApiException.class,
                () -> client(builder().maxWait(Duration.ofSeconds(3))).currentUser());

        assertThat(e).isInstanceOf(TpApiException.Unavailable.class);
        assertThat(e.getCause()).isInstanceOf(TpApiException.ServerError.class);
        assertThat(((TpApiException) e.getCause()).status()).isEqualTo(500);
        assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofSeconds(3));
        int requests = wm.findAll(getRequestedFor(urlEqualTo(USER))).size();
        assertThat(requests).isGreaterThan(1).isEqualTo(time.sleeps().size() + 1);
    }

    // ------------------------------------------------------------------ retry and backoff

    @Test
    void rateLimited_waitsRetryAfterSecondsThenSucceeds() {
        sequence("GET", USER, status(429).withHeader("Retry-After", "7"), okJson(USER_JSON));

        client().currentUser();

        wm.verify(2, getRequestedFor(urlEqualTo(USER)));
        assertThat(time.sleeps()).first().isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void rateLimited_waitsUntilTheRetryAfterDateMeasuredFromTheResponseDate() {
        sequence("GET", USER, status(429)
                        .withHeader("Date", "Mon, 02 Mar 2026 09:00:00 GMT")
                        .withHeader("Retry-After", "Mon, 02 Mar 2026 09:00:12 GMT"),
                okJson(USER_JSON));

        client().currentUser();

        wm.verify(2, getRequestedFor(urlEqualTo(USER)));
        assertThat(time.sleeps()).first().isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void rateLimited_withoutRetryAfter_backsOffExponentiallyWithJitter() {
        sequence("GET", USER, status(429), status(429), status(429), okJson(USER_JSON));

        client().currentUser();

        wm.verify(4, getRequestedFor(urlEqualTo(USER)));
        List<Duration> backoffs = time.sleeps().stream().filter(d -> !d.isZero()).toList();
        assertThat(backoffs).hasSizeGreaterThanOrEqualTo(3);
        assertThat(time.slept()).isBetween(Duration.ofMillis(250 + 500 + 1000), Duration.ofMillis(500 + 1000 + 2000 + 3000));
    }

    @Test
    void rateLimited_drainsTheRateLimiterSoTheNextRequestWaitsForANewPeriod() {
        sequence("GET", USER, status(429).withHeader("Retry-After", "0"), okJson(USER_JSON));

        client().currentUser();

        wm.verify(2, getRequestedFor(urlEqualTo(USER)));
        // The Retry-After wait is 0; the second wait comes only from the drained limiter.
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isZero();
        assertThat(time.sleeps().get(1)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void serverErrorsDoNotDrainTheRateLimiter() {
        sequence("GET", USER, status(503), okJson(USER_JSON));

        client().currentUser();

        wm.verify(2, getRequestedFor(urlEqualTo(USER)));
        // Only the backoff wait; a drained limiter would add a second wait before the retry.
        assertThat(time.sleeps()).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(500)));
    }

    @Test
    void serviceUnavailableBurst_isRetriedUntilItSucceeds() {
        sequence("GET", USER, status(503), status(503), status(503), okJson(USER_JSON));

        TpUser user = client().currentUser();

        assertThat(user.userId()).isEqualTo(ATHLETE);
        wm.verify(4, getRequestedFor(urlEqualTo(USER)));
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void post_isRetriedAfter503ButNotAfter502() {
        sequence("POST", WORKOUTS, status(503), okJson(Fixtures.createResponseRunBasic()));
        assertThat(client().createWorkout(ATHLETE, easyRun()).workoutId()).isEqualTo(3769775845L);
        wm.verify(2, postRequestedFor(urlEqualTo(WORKOUTS)));

        wm.resetAll();
        wm.stubFor(post(WORKOUTS).willReturn(status(502)));
        TpApiException e = catchThrowableOfType(TpApiException.class, () -> client().createWorkout(ATHLETE, easyRun()));
        assertThat(e).isInstanceOf(TpApiException.ServerError.class);
        assertThat(e.outcomeUnknown()).isTrue();
        wm.verify(1, postRequestedFor(urlEqualTo(WORKOUTS)));
    }

    @Test
    void connectionResetOnGet_isRetried() {
        sequence("GET", USER, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(USER_JSON));

        assertThat(client().currentUser().userId()).isEqualTo(ATHLETE);
        wm.verify(2, getRequestedFor(urlEqualTo(USER)));
    }

    @Test
    void connectionResetAfterPost_isThrownAsOutcomeUnknownAfterExactlyOneRequest() {
        wm.stubFor(post(WORKOUTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TpApiException e = catchThrowableOfType(TpApiException.class, () -> client().createWorkout(ATHLETE, easyRun()));

        assertThat(e).isInstanceOf(TpApiException.Transport.class);
        assertThat(e.outcomeUnknown()).isTrue();
        wm.verify(1, postRequestedFor(urlEqualTo(WORKOUTS)));
    }

    @Test
    void emptyResponseAfterPost_isThrownAsOutcomeUnknownAfterExactlyOneRequest() {
        wm.stubFor(post(WORKOUTS).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        TpApiException e = catchThrowableOfType(TpApiException.class, () -> client().createWorkout(ATHLETE, easyRun()));

        assertThat(e).isInstanceOf(TpApiException.Transport.class);
        assertThat(e.outcomeUnknown()).isTrue();
        wm.verify(1, postRequestedFor(urlEqualTo(WORKOUTS)));
    }

    @Test
    void postThatCannotConnect_isRetriedBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TpClient c = client(builder().baseUrl("http://127.0.0.1:" + closedPort).maxWait(Duration.ofSeconds(2)));

        TpApiException e = catchThrowableOfType(TpApiException.class, () -> c.createWorkout(ATHLETE, easyRun()));

        assertThat(e).isInstanceOf(TpApiException.Unavailable.class);
        assertThat(e.getCause()).isInstanceOf(TpApiException.Transport.class);
        assertThat(((TpApiException) e.getCause()).outcomeUnknown()).isFalse();
        assertThat(time.sleeps()).hasSizeGreaterThan(1);
    }

    @Test
    void slowResponsePastReadTimeout_onGet_isRetried() {
        sequence("GET", USER, okJson(USER_JSON).withFixedDelay(1000), okJson(USER_JSON));
        OkHttpClient fast = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();

        assertThat(client(builder().okHttpClient(fast)).currentUser().userId()).isEqualTo(ATHLETE);
        wm.verify(2, getRequestedFor(urlEqualTo(USER)));
    }

    @Test
    void slowResponsePastReadTimeout_onPost_isOutcomeUnknownAndNotResent() {
        wm.stubFor(post(WORKOUTS).willReturn(okJson(Fixtures.createResponseRunBasic()).withFixedDelay(1000)));
        OkHttpClient fast = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();

        TpApiException e = catchThrowableOfType(TpApiException.class,
                () -> client(builder().okHttpClient(fast)).createWorkout(ATHLETE, easyRun()));

        assertThat(e).isInstanceOf(TpApiException.Transport.class);
        assertThat(e.outcomeUnknown()).isTrue();
        wm.verify(1, postRequestedFor(urlEqualTo(WORKOUTS)));
    }

    // ------------------------------------------------------------------ circuit breaker and rate limit

    @Test
    void circuitBreaker_opensUnderContinuingFailures_failsFastAndGivesUpWithinPatience() {
        wm.stubFor(get(USER).willReturn(status(503)));
        TpClient c = client(builder().maxWait(Duration.ofMinutes(2)));
        AtomicInteger notPermitted = new AtomicInteger();
        c.circuitBreaker().getEventPublisher().onCallNotPermitted(event -> notPermitted.incrementAndGet());

        TpApiException e = catchThrowableOfType(TpApiException.class, c::currentUser);

        assertThat(e).isInstanceOf(TpApiException.Unavailable.class);
        assertThat(e.getCause()).isInstanceOf(TpApiException.ServerError.class);
        assertThat(notPermitted.get()).isPositive();
        assertThat(time.slept()).isLessThanOrEqualTo(Duration.ofMinutes(2));
        int requests = wm.findAll(getRequestedFor(urlEqualTo(USER))).size();
        assertThat(requests).isGreaterThan(5).isLessThan(time.sleeps().size() + 1);
    }

    @Test
    void circuitBreaker_letsATrialCallThroughAfterTheOpenWaitAndRecovers() {
        sequence("GET", USER, status(503), status(503), status(503), status(503), status(503), status(503),
                okJson(USER_JSON));
        TpClient c = client();

        assertThat(c.currentUser().userId()).isEqualTo(ATHLETE);

        wm.verify(7, getRequestedFor(urlEqualTo(USER)));
        assertThat(c.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(time.sleeps()).anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void circuitBreaker_whileAHalfOpenTrialIsInFlight_otherThreadsWaitBackoffSizedSteps() throws Exception {
        wm.stubFor(get(USER).willReturn(okJson(USER_JSON)));
        Duration trialTakes = Duration.ofSeconds(1);
        AtomicBoolean trialDone = new AtomicBoolean();
        AtomicReference<CircuitBreaker> breaker = new AtomicReference<>();
        // The sleeper ends the trial call (successfully) once it has "taken" its time in virtual time.
        TpClient c = client(builder().rateLimit(1000).sleeper(d -> {
            time.sleep(d);
            if (time.slept().compareTo(trialTakes) >= 0 && trialDone.compareAndSet(false, true)) {
                breaker.get().onSuccess(0, TimeUnit.NANOSECONDS);
            }
        }));
        CircuitBreaker cb = c.circuitBreaker();
        breaker.set(cb);
        cb.transitionToOpenState();
        time.advance(TpClient.DEFAULT_CIRCUIT_OPEN_WAIT);
        cb.transitionToHalfOpenState();
        assertThat(cb.tryAcquirePermission()).as("the one trial permit, held by the test").isTrue();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TpUser>> users = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                users.add(pool.submit(c::currentUser));
            }
            for (Future<TpUser> u : users) {
                assertThat(u.get(30, TimeUnit.SECONDS).userId()).isEqualTo(ATHLETE);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(trialDone).isTrue();
        assertThat(cb.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        wm.verify(threads, getRequestedFor(urlEqualTo(USER)));
        // Each refused thread waits one backoff step (at least half the base), never a 1 ms spin.
        assertThat(time.sleeps()).isNotEmpty().hasSizeLessThanOrEqualTo(2 * threads)
                .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Backoff.BASE.dividedBy(2)));
    }

    @Test
    void circuitBreaker_ignoresClientErrorsAndRateLimits() {
        wm.stubFor(get(USER).willReturn(status(404)));
        TpClient c = client();
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(c::currentUser).isInstanceOf(TpApiException.ClientError.class);
        }

        assertThat(c.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(c.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void rateLimiter_spacesAllRequestsInVirtualTime() {
        wm.stubFor(get(USER).willReturn(okJson(USER_JSON)));
        TpClient c = client(builder().rateLimit(2.0));

        for (int i = 0; i < 5; i++) {
            c.currentUser();
        }

        wm.verify(5, getRequestedFor(urlEqualTo(USER)));
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.slept()).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2));
    }

    @Test
    void rateLimiter_refusesAWaitBeyondThePatienceAndNamesItLikeTheOtherPatienceMessage() {
        wm.stubFor(get(USER).willReturn(okJson(USER_JSON)));
        TpClient c = client(builder().rateLimit(1.0).maxWait(Duration.ofMillis(500)));
        c.currentUser();

        TpApiException e = catchThrowableOfType(TpApiException.class, c::currentUser);

        assertThat(e).isInstanceOf(TpApiException.Unavailable.class);
        assertThat(e.getMessage()).isEqualTo("GET " + USER
                + ": the client-side rate limit would delay this request longer than 500 ms");
        wm.verify(1, getRequestedFor(urlEqualTo(USER)));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void rateLimiter_defaultAllowsABurstOfFourPerSecond() {
        wm.stubFor(get(USER).willReturn(okJson(USER_JSON)));
        TpClient c = client();

        for (int i = 0; i < 4; i++) {
            c.currentUser();
        }
        assertThat(time.sleeps()).isEmpty();
        c.currentUser();

        assertThat(time.sleeps()).hasSize(1);
    }

    // ------------------------------------------------------------------ secrets and guards

    @Test
    void theTokenNeverAppearsInExceptionsOrToString() {
        TpClient c = client(builder().maxWait(Duration.ofSeconds(1)));
        List<Throwable> failures = new ArrayList<>();
        wm.stubFor(get(USER).willReturn(status(401).withBody("{\"message\":\"token " + TOKEN + " expired\"}")));
        failures.add(catchThrowableOfType(TpApiException.class, c::currentUser));
        wm.stubFor(get(USER).willReturn(status(403).withBody("Bearer " + TOKEN)));
        failures.add(catchThrowableOfType(TpApiException.class, c::currentUser));
        wm.stubFor(get(USER).willReturn(status(500).withBody("\"bad " + TOKEN + "\"")));
        failures.add(catchThrowableOfType(TpApiException.class, c::currentUser));
        wm.stubFor(post(WORKOUTS).willReturn(okJson("{\"echo\":\"" + TOKEN + "\"}")));
        failures.add(catchThrowableOfType(TpApiException.class, () -> c.createWorkout(ATHLETE, easyRun())));
        wm.stubFor(post(WORKOUTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        failures.add(catchThrowableOfType(TpApiException.class, () -> c.createWorkout(ATHLETE, easyRun())));

        assertThat(failures).hasSize(5).doesNotContainNull();
        for (Throwable f : failures) {
            for (Throwable t = f; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
                assertThat(t.toString()).doesNotContain(TOKEN);
            }
        }
        assertThat(c.toString()).doesNotContain(TOKEN);
        assertThat(TokenSource.fixed(new BearerToken(TOKEN)).toString()).doesNotContain(TOKEN);
    }

    @Test
    void baseUrlPointingAtACommandsPathIsRefused() {
        assertThatThrownBy(() -> TpClient.builder().baseUrl("https://tpapi.trainingpeaks.com/plans/v1/commands/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("refusing to call a TrainingPeaks commands/* endpoint");
    }
}
