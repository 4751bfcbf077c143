package backproplab.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The course's given files: the skeleton's sources that hold no exercise stub (demos, records, enums, interfaces,
 * {@code NetworkTrainer}, ...). A submission is always compiled with the course's copy of them, so a change planted in
 * a given file has no effect; the student is told which of their given files were replaced.
 *
 * <p>The skeleton's sources are bundled into the grader ({@value #RESOURCE_FOLDER}) at build time. A file is an
 * exercise file when it holds the skeleton generator's stub marker {@value #STUB_MARKER}, given otherwise.
 */
public final class GivenFiles {

    /** Where the build puts the skeleton's sources, relative to the class path. */
    static final String RESOURCE_FOLDER = "backproplab/grader/skeleton";
    /** The text the skeleton generator writes into every method a student must implement. */
    static final String STUB_MARKER = "TODO [";

    private final Map<String, String> given;

    /** @param given the given files' contents by path relative to the source root ({@code backproplab/demos/Demos.java}) */
    GivenFiles(Map<String, String> given) {
        this.given = Map.copyOf(given);
    }

    /** The given files bundled into this grader. */
    public static GivenFiles bundled() {
        Map<String, String> skeleton = readBundledSkeleton();
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

    private static Map<String, String> readBundledSkeleton() {
        URL folder = GivenFiles.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (folder == null) {
            throw new IllegalStateException("The skeleton's sources (" + RESOURCE_FOLDER + ") are not in the grader; rebuild it");
        }
        Map<String, String> files = new LinkedHashMap<>();
        try {
            if ("jar".equals(folder.getProtocol())) {
                String url = folder.toString();
                Path jar = Path.of(new URI(url.substring(4, url.indexOf("!/"))));
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : file.stream().toList()) {
                        String name = entry.getName();
                        if (name.startsWith(RESOURCE_FOLDER + "/") && name.endsWith(".java")) {
                            try (InputStream in = file.getInputStream(entry)) {
                                files.put(name.substring(RESOURCE_FOLDER.length() + 1),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            } else {
                Path base = Path.of(folder.toURI());
                try (Stream<Path> walk = Files.walk(base)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        files.put(relative(base, file), Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the skeleton's sources", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where the skeleton's sources are: " + folder, e);
        }
        return files;
    }
}
