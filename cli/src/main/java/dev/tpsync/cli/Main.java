package dev.tpsync.cli;

/** Placeholder entry point; replaced by the picocli front door. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("tpsync");
    }
}
