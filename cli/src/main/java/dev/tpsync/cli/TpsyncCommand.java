package dev.tpsync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code tpsync} command; on its own it only shows usage. */
@Command(name = "tpsync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Puts a whole training plan onto a TrainingPeaks calendar, and resumes where it stopped.",
        footer = {"", "Run 'tpsync import --help' for the import options. The user guide is docs/user-guide.md."})
final class TpsyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
