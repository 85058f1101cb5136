package dev.tpsync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpsync.core.credentials.BearerToken;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TpClientBuilderTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://tpapi.trainingpeaks.com", "http://example.org:8080/", "http://10.0.0.1",
            "http://128.0.0.1", "http://localhost.example.org"})
    void plainHttpIsRefusedForNonLoopbackHosts(String url) {
        assertThatThrownBy(() -> TpClient.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TpClient.BASE_URL_NOT_HTTPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089", "http://127.5.6.7/", "http://localhost:1234", "http://[::1]:9000/",
            "https://tpapi.trainingpeaks.com/", "https://tpapi.trainingpeaks.com"})
    void httpsAndLoopbackHttpAreAccepted(String url) {
        TpClient c = TpClient.builder().baseUrl(url).credentials(new BearerToken("t")).build();
        assertThat(c.toString()).doesNotEndWith("//");
        c.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tpapi.trainingpeaks.com", "ftp://tpapi.trainingpeaks.com", "https://"})
    void unparsableBaseUrlsAreRefused(String url) {
        assertThatThrownBy(() -> TpClient.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TpClient.BASE_URL_INVALID);
    }

    @Test
    void missingCredentialsFailFast() {
        assertThatThrownBy(() -> TpClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(TpClient.CREDENTIALS_MISSING);
    }

    @Test
    void badLimitsFailFastWithExactMessages() {
        assertThatThrownBy(() -> TpClient.builder().rateLimit(0)).hasMessage(TpClient.RATE_LIMIT_INVALID);
        assertThatThrownBy(() -> TpClient.builder().rateLimit(Double.NaN)).hasMessage(TpClient.RATE_LIMIT_INVALID);
        assertThatThrownBy(() -> TpClient.builder().maxWait(Duration.ofSeconds(-1))).hasMessage(TpClient.MAX_WAIT_INVALID);
        assertThatThrownBy(() -> TpClient.builder().readTimeout(Duration.ZERO)).hasMessage(TpClient.DURATION_NOT_POSITIVE);
    }

    @Test
    void defaultBaseUrlIsTrainingPeaks() {
        TpClient c = TpClient.builder().credentials(new BearerToken("t")).build();
        assertThat(c.toString()).isEqualTo("TpClient[" + TpClient.DEFAULT_BASE_URL + "/]");
        c.close();
    }
}
