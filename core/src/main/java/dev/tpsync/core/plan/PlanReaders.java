package dev.tpsync.core.plan;

import dev.tpsync.core.plan.csv.CsvPlanReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Picks the {@link PlanReader} for a plan file by its extension. */
public final class PlanReaders {

    /** The reader for each extension we read (lower case, without the dot). */
    private static final Map<String, PlanReader> READERS = Map.of("csv", new CsvPlanReader());

    /** The extensions we read, lower case, without the dot, in alphabetical order. */
    public static final List<String> SUPPORTED_EXTENSIONS = READERS.keySet().stream().sorted().toList();

    private PlanReaders() {
    }

    /**
     * Reads and validates the plan at {@code file} with the reader for its extension.
     *
     * @throws IOException          naming the path when the file is missing or unreadable
     * @throws InvalidPlanException listing every problem, including an unsupported extension
     */
    public static Plan read(Path file, PlanReadOptions options) throws IOException {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new NoSuchFileException(name, null, "plan file not found");
        }
        return readerFor(file).read(file, options);
    }

    /**
     * The reader for {@code file}'s extension (case-insensitive).
     *
     * @throws InvalidPlanException with one whole-file problem when the extension is not supported
     */
    public static PlanReader readerFor(Path file) {
        Path fileName = file.getFileName();
        String base = fileName == null ? "" : fileName.toString();
        int dot = base.lastIndexOf('.');
        String ext = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
        PlanReader reader = READERS.get(ext);
        if (reader != null) {
            return reader;
        }
        String reason = (ext.isEmpty() ? "the file name has no extension" : "files ending in ." + ext + " are not supported")
                + "; supported plan formats: " + SUPPORTED_EXTENSIONS.stream()
                        .map(e -> e.toUpperCase(Locale.ROOT) + " (." + e + ")").collect(Collectors.joining(", "));
        throw new InvalidPlanException(List.of(new PlanProblem(file.toString(), 0, null, null, reason)));
    }
}
