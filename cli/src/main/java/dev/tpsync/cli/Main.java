package dev.tpsync.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code tpsync} entry point. Parsing, {@code --help} and {@code --version} never start Spring;
 * only the import engine does, so they answer in well under a second.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        quietSpring();
        Interruption interruption = new Interruption();
        interruption.install(Runtime.getRuntime());
        int code = ExitCodes.FAILED;
        try {
            code = execute(args, CliDeps.production(), interruption);
        } finally {
            // If a signal arrived, the shutdown hook is waiting for this and ends the process with this
            // code (System.exit below then blocks, as it does once shutdown has begun). Also reached when
            // an Error escapes, so the hook never mistakes a crash for an interrupted run.
            interruption.finished(code);
        }
        System.exit(code);
    }

    /** Parses and runs one command line against {@code deps}; returns the process exit code. */
    static int execute(String[] args, CliDeps deps) {
        return execute(args, deps, new Interruption());
    }

    static int execute(String[] args, CliDeps deps, Interruption interruption) {
        return commandLine(args, deps, interruption).execute(args);
    }

    static CommandLine commandLine(String[] args, CliDeps deps) {
        return commandLine(args, deps, new Interruption());
    }

    static CommandLine commandLine(String[] args, CliDeps deps, Interruption interruption) {
        CommandLine cmd = new CommandLine(new TpsyncCommand());
        cmd.addSubcommand("import", new ImportCommand(deps, List.of(args), interruption));
        cmd.setOut(deps.terminal().out());
        cmd.setErr(deps.terminal().err());
        cmd.setParameterExceptionHandler(usageErrors(List.of(args)));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Commands handle their own failures; this is only reached by a bug in the wiring.
            commandLine.getErr().println("tpsync: unexpected error: " + ex.getClass().getSimpleName());
            return ExitCodes.FAILED;
        });
        return cmd;
    }

    /** Prints picocli's message (token-like words masked), suggestions and where to get help; exit 64. */
    private static IParameterExceptionHandler usageErrors(List<String> args) {
        return (ParameterException ex, String[] ignored) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("tpsync: " + Redactor.maskTokenLikeArgs(String.valueOf(ex.getMessage()), args));
            if (ex instanceof UnmatchedArgumentException unmatched
                    && unmatched.getUnmatched().stream().noneMatch(Redactor::looksLikeToken)) {
                UnmatchedArgumentException.printSuggestions(unmatched, err);
            }
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        };
    }

    /** The import engine starts Spring Boot; keep it from printing a banner or start-up info. */
    private static void quietSpring() {
        if (System.getProperty("spring.main.banner-mode") == null) {
            System.setProperty("spring.main.banner-mode", "off");
        }
        if (System.getProperty("spring.main.log-startup-info") == null) {
            System.setProperty("spring.main.log-startup-info", "false");
        }
    }
}
