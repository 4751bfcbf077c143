package backproplab.grader.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's given files: the skeleton's sources that hold no exercise stub (demos, records, enums, interfaces,
 * {@code NetworkTrainer}, ...). A submission is always compiled with the course's copy of them, so a change planted in
 * a given file has no effect; the student is told which of their given files were replaced.
 *
 * <p>A skeleton file ({@link SkeletonSources}) is an exercise file when it holds the skeleton generator's stub marker
 * {@value #STUB_MARKER}, given otherwise.
 */
public final class GivenFiles {

    /** The text the skeleton generator writes into every method a student must implement. */
    public static final String STUB_MARKER = "TODO [";

    private final Map<String, String> given;

    /** @param given the given files' contents by path relative to the source root ({@code backproplab/demos/Demos.java}) */
    GivenFiles(Map<String, String> given) {
        this.given = Map.copyOf(given);
    }

    /** The given files bundled into this grader. */
    public static GivenFiles bundled() {
        Map<String, String> skeleton = SkeletonSources.bundled();
        Map<String, String> given = new LinkedHashMap<>();
        skeleton.forEach((path, text) -> {
            if (!text.contains(STUB_MARKER)) {
                given.put(path, text);
            }
        });
        return new GivenFiles(given);
    }

    /** The paths of the given files, relative to a source root. */
    public List<String> paths() {
        return given.keySet().stream().sorted().toList();
    }

    /**
     * The submission with each given file it holds replaced by the course's copy (written under {@code workDir}), and
     * the submitted given files that differed from it. A given file the submission lacks is not added: given code
     * uses the exercise classes, so a partial submission would then not compile; the API check names what is missing.
     *
     * @param submission the loaded submission
     * @param workDir    an empty folder for the course's copies
     * @return what to compile, and what was replaced
     * @throws IOException if a file cannot be read or written
     */
    public Replaced replaceIn(LoadedSubmission submission, Path workDir) throws IOException {
        Path root = Files.createDirectories(workDir);
        List<Path> sources = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Path file : submission.sources()) {
            String relative = relative(submission.sourceRoot(), file);
            String course = given.get(relative);
            if (course == null) {
                sources.add(file);
                continue;
            }
            if (!Files.readString(file, StandardCharsets.UTF_8).equals(course)) {
                changed.add(relative);
            }
            Path copy = root.resolve(relative);
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, course, StandardCharsets.UTF_8);
            sources.add(copy);
        }
        return new Replaced(new LoadedSubmission(submission.displayRoot(), submission.sourceRoot(), sources,
                submission.form()), changed.stream().sorted().toList());
    }

    /**
     * A submission whose given files are the course's.
     *
     * @param submission what to compile
     * @param changed    the given files the student changed (relative paths), whose changes were not used
     */
    public record Replaced(LoadedSubmission submission, List<String> changed) {

        /** Copies the list. */
        public Replaced {
            changed = List.copyOf(changed);
        }

        /** A note for the student, or {@code ""} when no given file was changed. */
        public String note() {
            if (changed.isEmpty()) {
                return "";
            }
            return (changed.size() == 1 ? "The given file " + changed.get(0) + " was" : "The given files "
                    + String.join(", ", changed) + " were") + " changed in your submission; given files come with the "
                    + "course and are not yours to change, so the course's copy was graded instead. Put your own code in "
                    + "the exercise files.";
        }
    }

    private static String relative(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
