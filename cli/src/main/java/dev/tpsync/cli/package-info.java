/**
 * The {@code tpsync} command line: a picocli front door ({@link dev.tpsync.cli.Main}) that reads and
 * validates the plan, resolves credentials, checks the account, runs the import engine with progress
 * output and maps every ending to one exit code ({@link dev.tpsync.cli.ExitCodes}).
 *
 * <p>Everything that touches the outside world (plan reader, credentials parser, TrainingPeaks client,
 * import engine, sandbox, terminal, environment, clock) comes in through {@link dev.tpsync.cli.CliDeps},
 * so the commands are tested against fakes. Spring starts only inside the import engine.
 */
@NullMarked
package dev.tpsync.cli;

import org.jspecify.annotations.NullMarked;
