package dev.tpsync.client;

import dev.tpsync.core.credentials.BearerToken;
import java.time.LocalDate;
import java.util.List;

/** Contract placeholder for the OkHttp implementation of {@link TpApi}; replaced by the real one. */
public final class TpClient implements TpApi, AutoCloseable {

    public static final String DEFAULT_BASE_URL = "https://tpapi.trainingpeaks.com";

    private TpClient() {
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TpUser currentUser() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CreatedWorkout createWorkout(long athleteId, NewWorkout workout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CalendarWorkout> listWorkouts(long athleteId, LocalDate start, LocalDate end) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteWorkout(long athleteId, long workoutId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    /** Builds a client; {@link #build()} fails fast with exact messages. */
    public static final class Builder {
        /** Base URL; plain http is refused unless the host is loopback. */
        public Builder baseUrl(String baseUrl) {
            return this;
        }

        public Builder credentials(BearerToken token) {
            return this;
        }

        /** Client-side rate limit in requests per second (default 4, burst 4). */
        public Builder rateLimit(double requestsPerSecond) {
            return this;
        }

        /** How long to keep trying while the service is unavailable before giving up (default 10 min). */
        public Builder maxWait(java.time.Duration patience) {
            return this;
        }

        public TpClient build() {
            throw new UnsupportedOperationException();
        }
    }
}
