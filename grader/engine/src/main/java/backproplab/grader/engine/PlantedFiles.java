package backproplab.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files in the output folder that the grader did not write: anything created or changed there since the grade
 * started, other than the training pictures the grader copied in, was put there by someone else (the code under
 * test, where isolation is weaker than full). They are removed before the grader writes its reports, so that a
 * platform reads the grader's files only, and named in the run notes as tampering. The score is the grader's own.
 */
final class PlantedFiles {

    private PlantedFiles() {
    }

    /**
     * Removes the planted files.
     *
     * @param outDir      the output folder
     * @param sinceMillis when the grade started (epoch milliseconds)
     * @param keep        files the grader itself wrote there during the grade (the pictures), absolute and normalised
     * @return the removed files, relative to {@code outDir}, sorted
     */
    static List<String> remove(Path outDir, long sinceMillis, Set<Path> keep) {
        if (!Files.isDirectory(outDir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Path root = outDir.toAbsolutePath().normalize();
        List<String> removed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (file.equals(root) || keep.contains(file)) {
                    continue;
                }
                boolean link = Files.isSymbolicLink(file);
                boolean folder = !link && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
                long modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
                if (folder) {
                    try (Stream<Path> inside = Files.list(file)) {
                        if (modified >= sinceMillis && inside.findAny().isEmpty() && !isKeptFolder(file, keep)) {
                            Files.delete(file);
                        }
                    }
                } else if (link || modified >= sinceMillis) {
                    Files.delete(file);
                    removed.add(root.relativize(file).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the output folder " + outDir + " cannot be checked: " + e.getMessage(), e);
        }
        removed.sort(Comparator.naturalOrder());
        return removed;
    }

    private static boolean isKeptFolder(Path folder, Set<Path> keep) {
        return keep.stream().anyMatch(kept -> kept.startsWith(folder));
    }

    /** The run note for removed files, or {@code ""} if none. */
    static String note(List<String> removed) {
        if (removed.isEmpty()) {
            return "";
        }
        List<String> shown = removed.subList(0, Math.min(10, removed.size()));
        return "Tampering: " + removed.size() + " file" + (removed.size() == 1 ? " was" : "s were")
                + " written into the output folder during grading by something other than the grader (the code under "
                + "test?) and removed before the reports were written: " + String.join(", ", shown)
                + (removed.size() > shown.size() ? " and " + (removed.size() - shown.size()) + " more" : "")
                + ". The score is the grader's own.";
    }
}
