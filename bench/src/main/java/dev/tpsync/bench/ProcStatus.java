package dev.tpsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads memory figures of a Linux process from {@code /proc/<pid>/status}. */
final class ProcStatus {

    private ProcStatus() {
    }

    /** The peak resident set size (VmHWM) in KiB, or empty when the process is gone or this is not Linux. */
    static OptionalLong peakRssKib(long pid) {
        try {
            return field(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmHWM");
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** A {@code Name:   1234 kB} field of a status text, in KiB. */
    static OptionalLong field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                String value = line.substring(name.length() + 1).trim();
                int space = value.indexOf(' ');
                String number = space < 0 ? value : value.substring(0, space);
                try {
                    return OptionalLong.of(Long.parseLong(number));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
