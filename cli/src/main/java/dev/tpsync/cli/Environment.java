package dev.tpsync.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The process environment and home directory, so tests never depend on the real ones. */
interface Environment {

    /** The variable's value, or null when unset or blank. */
    @Nullable String get(String name);

    Path userHome();

    static Environment system() {
        return new Environment() {
            @Override
            public @Nullable String get(String name) {
                String value = System.getenv(name);
                return value == null || value.isBlank() ? null : value;
            }

            @Override
            public Path userHome() {
                return Path.of(System.getProperty("user.home"));
            }
        };
    }
}
