package dev.tpsync.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the CLI writes and, when a person is at the keyboard, asks for the token.
 * {@link #interactive()} decides between a redrawn progress bar and one log line per chunk.
 */
interface Terminal {

    PrintWriter out();

    PrintWriter err();

    /** Whether a person is at a terminal: a console that really is one (see {@code system()}). */
    boolean interactive();

    /**
     * Shows {@code explanation}, then reads a line without echoing it. Returns null when no terminal
     * is attached or input ended. The caller clears the returned array after use.
     */
    char @Nullable [] readSecret(String explanation, String prompt);

    /** Reads a secret for {@link #readSecret}; returns null when there is no one to ask or input ended. */
    @FunctionalInterface
    interface SecretReader {
        char @Nullable [] read(String explanation, String prompt);
    }

    static Terminal system() {
        Console console = System.console();
        PrintWriter out = writer(System.out);
        PrintWriter err = writer(System.err);
        boolean interactive = console != null && isTerminal(console);
        return of(out, err, () -> interactive, (explanation, prompt) -> {
            if (!interactive) {
                return null;
            }
            out.flush();
            err.flush();
            console.writer().println(explanation);
            return console.readPassword("%s", prompt);
        });
    }

    /**
     * Whether the console really is a terminal. On Java 17 a non-null {@link System#console()} means it
     * is; Java 22 to 24 return a console even when output is redirected, and offer
     * {@code Console.isTerminal()} (Java 22+) to tell, which is called reflectively here.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException notOnThisJava) {
            return true;
        }
    }

    /** A terminal over the given writers; {@code interactive} is asked each time, so it may change. */
    static Terminal of(PrintWriter out, PrintWriter err, BooleanSupplier interactive, SecretReader secrets) {
        return new Terminal() {
            @Override
            public PrintWriter out() {
                return out;
            }

            @Override
            public PrintWriter err() {
                return err;
            }

            @Override
            public boolean interactive() {
                return interactive.getAsBoolean();
            }

            @Override
            public char @Nullable [] readSecret(String explanation, String prompt) {
                return secrets.read(explanation, prompt);
            }
        };
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true);
    }
}
