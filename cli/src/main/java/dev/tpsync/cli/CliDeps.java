package dev.tpsync.cli;

import java.io.File;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the commands need from the outside world. {@link #production()} wires the real
 * implementations; tests pass fakes.
 *
 * @param plans      reads and validates plan files
 * @param credentials parses tokens and athlete IDs
 * @param apis       builds the TrainingPeaks client
 * @param engine     runs the import
 * @param sandbox    starts the simulated TrainingPeaks for {@code --sandbox}
 * @param terminal   output streams and the hidden prompt
 * @param env        environment variables and the home directory
 * @param clock      the time and time zone for token expiry messages and elapsed time
 * @param jarPath    how to name the jar in a resume command when not launched by {@code ./tpsync}
 */
record CliDeps(PlanSource plans, CredentialCodec credentials, ApiFactory apis, EngineRunner engine,
               SandboxLauncher sandbox, Terminal terminal, Environment env, Clock clock, String jarPath) {

    CliDeps {
        Objects.requireNonNull(plans, "plans == null");
        Objects.requireNonNull(credentials, "credentials == null");
        Objects.requireNonNull(apis, "apis == null");
        Objects.requireNonNull(engine, "engine == null");
        Objects.requireNonNull(sandbox, "sandbox == null");
        Objects.requireNonNull(terminal, "terminal == null");
        Objects.requireNonNull(env, "env == null");
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(jarPath, "jarPath == null");
    }

    static CliDeps production() {
        return new CliDeps(productionPlanSource(), CredentialCodec.standard(), ApiFactory.standard(),
                EngineRunner.standard(), SandboxLauncher.standard(), Terminal.system(), Environment.system(),
                Clock.systemDefaultZone(), jarFromClassPath());
    }

    private static PlanSource productionPlanSource() {
        return dev.tpsync.core.plan.PlanReaders::read;
    }

    /** With {@code java -jar x.jar}, the class path is exactly the jar as the user typed it. */
    private static String jarFromClassPath() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            return classPath;
        }
        return "tpsync.jar";
    }
}
