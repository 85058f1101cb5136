package dev.tpsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchArgsTest {

    @Test
    void defaultsRunEveryPartWithAServerBurstEqualToTheClientsOwn() {
        BenchArgs a = BenchArgs.parse(new String[0]);

        assertThat(a.parts).containsExactly("a", "b", "c", "d");
        assertThat(a.effectiveServerBurst()).isEqualTo(20);
        assertThat(a.effectiveRestartBudget()).isEqualTo(103);
        assertThat(a.sandboxNoDelay).isTrue();
    }

    @Test
    void optionsOverrideTheDefaults() {
        BenchArgs a = BenchArgs.parse(new String[] {"--parts", "b,D", "--rate", "7.5", "--repeats", "5",
                "--restart-n", "40", "--cli-java-opts", "-Xmx256m -XX:+UseSerialGC", "--sandbox-nodelay", "false"});

        assertThat(a.parts).containsExactly("b", "d");
        assertThat(a.effectiveServerBurst()).isEqualTo(8);
        assertThat(a.repeats).isEqualTo(5);
        assertThat(a.effectiveRestartBudget()).isEqualTo(23);
        assertThat(a.cliJavaOpts).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(a.sandboxNoDelay).isFalse();
    }

    @Test
    void badValuesAreRefusedWithTheOptionName() {
        assertThatThrownBy(() -> BenchArgs.parse(new String[] {"--rate", "0"})).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchArgs.parse(new String[] {"--parts", "x"})).hasMessageContaining("--parts");
        assertThatThrownBy(() -> BenchArgs.parse(new String[] {"--repeats"})).hasMessageContaining("missing value");
        assertThatThrownBy(() -> BenchArgs.parse(new String[] {"--nope", "1"})).hasMessageContaining("unknown option");
    }
}
