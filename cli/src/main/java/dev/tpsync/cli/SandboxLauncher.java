package dev.tpsync.cli;

import dev.tpsync.sandbox.SandboxConfig;
import dev.tpsync.sandbox.TpSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the simulated TrainingPeaks for {@code --sandbox}; its calendar persists under {@code dir}. */
@FunctionalInterface
interface SandboxLauncher {

    Sandbox start(Path dir);

    /** A running sandbox; {@link #close()} stops it. */
    interface Sandbox extends AutoCloseable {
        String baseUrl();

        long athleteId();

        /** A fresh token the sandbox accepts for {@code lifetime}. */
        String issueToken(Duration lifetime);

        @Override
        void close();
    }

    static SandboxLauncher standard() {
        return dir -> {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the sandbox directory " + dir, e);
            }
            Path store = dir.resolve("calendar.json");
            SandboxConfig config = SandboxConfig.defaults().storeFile(store);
            TpSandbox sandbox = TpSandbox.start(config);
            return new Sandbox() {
                @Override
                public String baseUrl() {
                    return sandbox.baseUrl().toString();
                }

                @Override
                public long athleteId() {
                    return sandbox.athleteId();
                }

                @Override
                public String issueToken(Duration lifetime) {
                    return sandbox.issueToken(lifetime);
                }

                @Override
                public void close() {
                    sandbox.close();
                }

                @Override
                public String toString() {
                    return "sandbox at " + sandbox.baseUrl() + " (calendar in " + store + ")";
                }
            };
        };
    }
}
