package dev.tpsync.sandbox;

import java.time.Duration;

/** How the sandbox waits for injected latency and slow responses; tests pass a recording fake instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
