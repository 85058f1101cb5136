package dev.tpsync.sandbox;

/** Placeholder; the full implementation replaces it with an immutable builder-made config. */
public final class SandboxConfig {
    public static SandboxConfig defaults() {
        return new SandboxConfig();
    }
}
