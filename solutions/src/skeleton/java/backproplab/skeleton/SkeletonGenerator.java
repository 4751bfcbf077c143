package backproplab.skeleton;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the student skeleton ({@code exercises/src/main/java}) from the reference
 * ({@code solutions/src/main/java}) and checks that the two are in sync.
 *
 * <p>Every region
 * <pre>
 *     // BEGIN SOLUTION [task.id] what to implement | docs/NN-name.md#anchor
 *     // HINT: optional hint lines, kept in the skeleton
 *     ...solution code...
 *     // END SOLUTION
 * </pre>
 * becomes the hint lines plus
 * {@code throw new UnsupportedOperationException("TODO [task.id]: what to implement. See docs/NN-name.md#anchor");}
 * at the indentation of the BEGIN marker. A region must be the tail of a method or constructor body, so the
 * line after {@code // END SOLUTION} (ignoring blank lines and comments) must be the closing brace.
 *
 * <p>This file uses only the JDK and is one source file, so it runs without a build. From the repository root:
 * <pre>
 *     java solutions/src/skeleton/java/backproplab/skeleton/SkeletonGenerator.java           # regenerate
 *     java solutions/src/skeleton/java/backproplab/skeleton/SkeletonGenerator.java --check   # verify only
 * </pre>
 * Optional trailing arguments {@code <solutionsRoot> <exercisesRoot>} override the two directories.
 * Exit codes: 0 done / in sync, 1 out of sync ({@code --check}), 2 malformed markers or bad arguments.
 */
public final class SkeletonGenerator {

    /** The documented regenerate command, run from the repository root. */
    public static final String REGENERATE_COMMAND =
            "java solutions/src/skeleton/java/backproplab/skeleton/SkeletonGenerator.java";
    /** The documented check command, run from the repository root. */
    public static final String CHECK_COMMAND = REGENERATE_COMMAND + " --check";
    /** Default source of truth, relative to the repository root. */
    public static final Path DEFAULT_SOLUTIONS_ROOT = Path.of("solutions", "src", "main", "java");
    /** Default generated tree, relative to the repository root. */
    public static final Path DEFAULT_EXERCISES_ROOT = Path.of("exercises", "src", "main", "java");

    static final String BEGIN = "BEGIN SOLUTION";
    static final String END = "END SOLUTION";
    private static final String MARKER_FORMAT =
            "// BEGIN SOLUTION [package.method] what to implement | docs/NN-name.md#anchor";

    private static final Pattern BEGIN_LINE = Pattern.compile("^(\\s*)//\\s*BEGIN SOLUTION(.*)$");
    private static final Pattern END_LINE = Pattern.compile("^\\s*//\\s*END SOLUTION\\s*$");
    private static final Pattern HINT_LINE = Pattern.compile("^\\s*//\\s*HINT\\b.*$");
    private static final Pattern LINE_COMMENT = Pattern.compile("^\\s*//.*$");
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");
    private static final Pattern SEE_LINK = Pattern.compile("docs/[A-Za-z0-9_.-]+\\.md#[A-Za-z0-9_-]+");
    private static final int MAX_DIFF_LINES = 6;

    private SkeletonGenerator() {
    }

    // ------------------------------------------------------------------------------------------ public API

    /** One replaced region: where its BEGIN marker was (1-based line), its task, what to implement and where to read. */
    public record Region(String file, int line, String taskId, String description, String see) {
    }

    /** The result of transforming one source file. */
    public record Transformation(String content, List<Region> regions) {
    }

    /** The whole generated skeleton: relative path ('/'-separated) to content, sorted, plus every region. */
    public record Skeleton(SortedMap<String, String> files, List<Region> regions) {

        /** Distinct task ids, sorted. */
        public List<String> taskIds() {
            return regions.stream().map(Region::taskId).distinct().sorted().collect(Collectors.toList());
        }

        /** Task ids used by more than one region (overloads share an id), with their counts, sorted. */
        public SortedMap<String, Long> sharedTaskIds() {
            SortedMap<String, Long> shared = new TreeMap<>(
                    regions.stream().collect(Collectors.groupingBy(Region::taskId, Collectors.counting())));
            shared.values().removeIf(count -> count < 2);
            return shared;
        }
    }

    /** What {@link #write} changed. */
    public record WriteReport(int filesGenerated, int filesWritten, List<String> staleDeleted, Skeleton skeleton) {
    }

    /** One way in which the exercises tree differs from what the generator would write. */
    public record Difference(Kind kind, String relativePath, String details) {

        /** How a file differs. */
        public enum Kind {
            /** The generator would write this file but the exercises tree lacks it. */
            MISSING,
            /** The exercises tree has a .java file with no counterpart in solutions. */
            EXTRA,
            /** Both have the file, with different content. */
            CHANGED
        }

        /** A human-readable description, several lines for {@link Kind#CHANGED}. */
        public String describe() {
            return switch (kind) {
                case MISSING -> "missing in exercises: " + relativePath + " (solutions has it; regenerate to create it)";
                case EXTRA -> "extra in exercises:   " + relativePath + " (no counterpart in solutions; regenerate deletes it)";
                case CHANGED -> "differs: " + relativePath + "\n" + details;
            };
        }
    }

    /** Malformed markers or unusable roots; the message names every problem as {@code file:line: what}. */
    public static final class SkeletonException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public SkeletonException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Transforms one solution source into its skeleton form. */
    public static String transform(String source, String fileNameForMessages) {
        return transformDetailed(source, fileNameForMessages).content();
    }

    /** Like {@link #transform} but also returns the regions that were replaced. */
    public static Transformation transformDetailed(String source, String fileNameForMessages) {
        return new RegionTransformer(source, fileNameForMessages).run();
    }

    /** The skeleton files the generator would write for this solutions root: relative path to content, sorted. */
    public static SortedMap<String, String> generate(Path solutionsRoot) {
        return build(solutionsRoot).files();
    }

    /**
     * Builds the whole skeleton in memory. Problems in every file are collected and thrown together as one
     * {@link SkeletonException}, so nothing is written when any marker is malformed.
     */
    public static Skeleton build(Path solutionsRoot) {
        if (!Files.isDirectory(solutionsRoot)) {
            throw new SkeletonException(List.of(solutionsRoot + ": solutions root is not a directory. Run from the "
                    + "repository root (the directory holding solutions/ and exercises/) or pass <solutionsRoot> <exercisesRoot>."));
        }
        SortedMap<String, String> files = new TreeMap<>();
        List<Region> regions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String relative : listFiles(solutionsRoot)) {
            Path file = solutionsRoot.resolve(relative);
            String name = file.toString().replace('\\', '/');
            try {
                String text = readUtf8(file);
                if (relative.endsWith(".java")) {
                    Transformation transformation = transformDetailed(text, name);
                    files.put(relative, transformation.content());
                    regions.addAll(transformation.regions());
                } else {
                    files.put(relative, text);
                }
            } catch (SkeletonException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SkeletonException(problems);
        }
        return new Skeleton(Collections.unmodifiableSortedMap(files), List.copyOf(regions));
    }

    /** Differences between the generated skeleton and the exercises tree; empty means in sync. */
    public static List<Difference> diff(Path solutionsRoot, Path exercisesRoot) {
        requireSeparateRoots(solutionsRoot, exercisesRoot);
        SortedMap<String, String> expected = generate(solutionsRoot);
        List<String> existing = Files.isDirectory(exercisesRoot) ? listFiles(exercisesRoot) : List.of();
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String relative = entry.getKey();
            Path target = exercisesRoot.resolve(relative);
            if (!Files.isRegularFile(target)) {
                differences.add(new Difference(Difference.Kind.MISSING, relative, ""));
                continue;
            }
            String actual = readLenient(target);
            String wanted = entry.getValue();
            if (relative.endsWith(".java")) {
                // Tolerate a checkout that converted line endings (core.autocrlf); the content is what matters.
                actual = normalizeLineEndings(actual);
            }
            if (!actual.equals(wanted)) {
                differences.add(new Difference(Difference.Kind.CHANGED, relative, firstDifference(actual, wanted)));
            }
        }
        for (String relative : existing) {
            if (relative.endsWith(".java") && !expected.containsKey(relative)) {
                differences.add(new Difference(Difference.Kind.EXTRA, relative, ""));
            }
        }
        differences.sort(Comparator.comparing(Difference::relativePath).thenComparing(Difference::kind));
        return differences;
    }

    /**
     * Regenerates the exercises tree: writes changed files, leaves unchanged ones alone, deletes .java files
     * that have no counterpart in solutions and the directories that leaves empty. Touches nothing outside
     * {@code exercisesRoot}.
     */
    public static WriteReport write(Path solutionsRoot, Path exercisesRoot) {
        requireSeparateRoots(solutionsRoot, exercisesRoot);
        Skeleton skeleton = build(solutionsRoot);
        try {
            Files.createDirectories(exercisesRoot);
            int written = 0;
            for (Map.Entry<String, String> entry : skeleton.files().entrySet()) {
                Path target = exercisesRoot.resolve(entry.getKey());
                byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                written++;
            }
            List<String> stale = new ArrayList<>();
            for (String relative : listFiles(exercisesRoot)) {
                if (relative.endsWith(".java") && !skeleton.files().containsKey(relative)) {
                    Files.delete(exercisesRoot.resolve(relative));
                    stale.add(relative);
                }
            }
            deleteEmptyDirectoriesBelow(exercisesRoot);
            return new WriteReport(skeleton.files().size(), written, List.copyOf(stale), skeleton);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the skeleton into " + exercisesRoot, e);
        }
    }

    // ------------------------------------------------------------------------------------------ command line

    /** Command line entry point; see the class comment for arguments and exit codes. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean check = false;
        List<String> roots = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--check")) {
                check = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            } else if (arg.startsWith("-")) {
                err.println("Unknown option " + arg + "\n" + usage());
                return 2;
            } else {
                roots.add(arg);
            }
        }
        if (roots.size() != 0 && roots.size() != 2) {
            err.println("Expected no roots or both <solutionsRoot> <exercisesRoot>, got " + roots + "\n" + usage());
            return 2;
        }
        Path solutionsRoot = roots.isEmpty() ? DEFAULT_SOLUTIONS_ROOT : Path.of(roots.get(0));
        Path exercisesRoot = roots.isEmpty() ? DEFAULT_EXERCISES_ROOT : Path.of(roots.get(1));
        try {
            return check ? runCheck(solutionsRoot, exercisesRoot, out, err) : runWrite(solutionsRoot, exercisesRoot, out);
        } catch (SkeletonException e) {
            err.println("Skeleton generation failed; fix these solution markers (expected format: "
                    + MARKER_FORMAT + "):");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 2;
        } catch (UncheckedIOException e) {
            err.println(e.getMessage() + ": " + e.getCause());
            return 2;
        }
    }

    private static int runCheck(Path solutionsRoot, Path exercisesRoot, PrintStream out, PrintStream err) {
        List<Difference> differences = diff(solutionsRoot, exercisesRoot);
        if (differences.isEmpty()) {
            out.println("Skeleton in sync: " + exercisesRoot + " matches what " + solutionsRoot + " generates ("
                    + generate(solutionsRoot).size() + " files).");
            return 0;
        }
        err.println(outOfSyncReport(solutionsRoot, exercisesRoot, differences, regenerateCommand(solutionsRoot, exercisesRoot)));
        return 1;
    }

    /** The message shown when the trees differ: every difference and the command (run from the repository root) that fixes it. */
    public static String outOfSyncReport(Path solutionsRoot, Path exercisesRoot, List<Difference> differences,
                                         String fixCommand) {
        StringBuilder report = new StringBuilder();
        report.append("Skeleton OUT OF SYNC: ").append(exercisesRoot).append(" is not what ").append(solutionsRoot)
                .append(" generates (").append(differences.size()).append(differences.size() == 1 ? " file differs" : " files differ")
                .append("; '-' = exercises now, '+' = generated):\n");
        for (Difference difference : differences) {
            report.append("  ").append(difference.describe().replace("\n", "\n    ")).append('\n');
        }
        report.append("Fix: run `").append(fixCommand).append("` from the repository root.\n")
                .append("exercises/src/main/java is generated: make every change in solutions/src/main/java "
                        + "(regenerating overwrites edits made only in exercises).");
        return report.toString();
    }

    /** The regenerate command for these roots: the documented one for the defaults, else with the roots appended. */
    public static String regenerateCommand(Path solutionsRoot, Path exercisesRoot) {
        boolean defaults = solutionsRoot.equals(DEFAULT_SOLUTIONS_ROOT) && exercisesRoot.equals(DEFAULT_EXERCISES_ROOT);
        return defaults ? REGENERATE_COMMAND : REGENERATE_COMMAND + " " + solutionsRoot + " " + exercisesRoot;
    }

    private static int runWrite(Path solutionsRoot, Path exercisesRoot, PrintStream out) {
        WriteReport report = write(solutionsRoot, exercisesRoot);
        Skeleton skeleton = report.skeleton();
        out.println("Skeleton generated from " + solutionsRoot + " into " + exercisesRoot);
        out.println("  files: " + report.filesGenerated() + " generated, " + report.filesWritten() + " written, "
                + (report.filesGenerated() - report.filesWritten()) + " unchanged, "
                + report.staleDeleted().size() + " stale deleted" + (report.staleDeleted().isEmpty() ? "" : " " + report.staleDeleted()));
        out.println("  regions replaced: " + skeleton.regions().size() + ", task ids (" + skeleton.taskIds().size() + "): "
                + String.join(", ", skeleton.taskIds()));
        if (!skeleton.sharedTaskIds().isEmpty()) {
            out.println("  ids shared by several regions (overloads): " + skeleton.sharedTaskIds());
        }
        return 0;
    }

    private static String usage() {
        return "Usage (from the repository root): " + REGENERATE_COMMAND + " [--check] [<solutionsRoot> <exercisesRoot>]\n"
                + "  default roots: " + DEFAULT_SOLUTIONS_ROOT + " -> " + DEFAULT_EXERCISES_ROOT + "\n"
                + "  --check  only verify; exit 1 and list the differences when out of sync";
    }

    // ------------------------------------------------------------------------------------------ transformation

    /** Replaces the solution regions of one file, validating the markers as it goes. */
    private static final class RegionTransformer {
        private final String file;
        private final String[] lines;
        private final List<String> output = new ArrayList<>();
        private final List<Region> regions = new ArrayList<>();

        RegionTransformer(String source, String file) {
            this.file = file;
            this.lines = normalizeLineEndings(source).split("\n", -1);
        }

        Transformation run() {
            int index = 0;
            while (index < lines.length) {
                String line = lines[index];
                if (line.contains(BEGIN)) {
                    index = replaceRegion(index);
                } else if (line.contains(END)) {
                    throw problem(index, END_LINE.matcher(line).matches()
                            ? "// END SOLUTION without a matching // BEGIN SOLUTION above it"
                            : "the END SOLUTION marker must stand alone on its line as `// END SOLUTION`");
                } else {
                    output.add(line);
                    index++;
                }
            }
            return new Transformation(String.join("\n", output), List.copyOf(regions));
        }

        /** Handles the region starting at {@code begin}; returns the index of the first line after it. */
        private int replaceRegion(int begin) {
            Matcher marker = BEGIN_LINE.matcher(lines[begin]);
            if (!marker.matches()) {
                throw problem(begin, "the BEGIN SOLUTION marker must stand alone on its line as `" + MARKER_FORMAT + "`");
            }
            String indentation = marker.group(1);
            String[] parts = parseMarker(begin, marker.group(2).strip());
            String taskId = parts[0];
            int index = begin + 1;
            while (index < lines.length && HINT_LINE.matcher(lines[index]).matches()) {
                output.add(lines[index]);
                index++;
            }
            output.add(indentation + "throw new UnsupportedOperationException(\""
                    + escapeJavaString(todoMessage(taskId, parts[1], parts[2])) + "\");");
            int end = findEnd(begin, index, taskId);
            requireTailOfBody(end, taskId);
            regions.add(new Region(file, begin + 1, taskId, parts[1], parts[2]));
            return end + 1;
        }

        /** Returns {taskId, description, see}. */
        private String[] parseMarker(int line, String rest) {
            String expected = " Expected `" + MARKER_FORMAT + "`.";
            if (!rest.startsWith("[")) {
                throw problem(line, "BEGIN SOLUTION is missing its task id in brackets, e.g. [activations.sigmoid]." + expected);
            }
            int close = rest.indexOf(']');
            if (close < 0) {
                throw problem(line, "BEGIN SOLUTION task id has no closing bracket `]`." + expected);
            }
            String taskId = rest.substring(1, close).strip();
            if (!TASK_ID.matcher(taskId).matches()) {
                throw problem(line, "BEGIN SOLUTION task id `" + taskId + "` is not of the form package.method "
                        + "(e.g. network.backward)." + expected);
            }
            String afterId = rest.substring(close + 1);
            // The description may itself contain '|' (e.g. |a−n|), so the see-part starts at the last one.
            int bar = afterId.lastIndexOf('|');
            if (bar < 0) {
                throw problem(line, "BEGIN SOLUTION [" + taskId + "] has no `| docs/NN-name.md#anchor` part telling the "
                        + "student where to read." + expected);
            }
            String description = afterId.substring(0, bar).strip();
            String see = afterId.substring(bar + 1).strip();
            if (description.isEmpty()) {
                throw problem(line, "BEGIN SOLUTION [" + taskId + "] has no description of what to implement." + expected);
            }
            if (!SEE_LINK.matcher(see).matches()) {
                throw problem(line, "BEGIN SOLUTION [" + taskId + "] must point at an exercise README section like "
                        + "docs/02-activations.md#sigmoid after `|`, found `" + see + "`." + expected);
            }
            return new String[] {taskId, description, see};
        }

        private int findEnd(int begin, int from, String taskId) {
            for (int index = from; index < lines.length; index++) {
                String line = lines[index];
                if (line.contains(BEGIN)) {
                    throw problem(index, "nested BEGIN SOLUTION: region [" + taskId + "] opened at line " + (begin + 1)
                            + " is not closed yet; add `// END SOLUTION` before starting another region");
                }
                if (line.contains(END)) {
                    if (!END_LINE.matcher(line).matches()) {
                        throw problem(index, "the END SOLUTION marker must stand alone on its line as `// END SOLUTION`");
                    }
                    return index;
                }
                if (HINT_LINE.matcher(line).matches()) {
                    throw problem(index, "HINT line inside region [" + taskId + "] would be dropped from the skeleton; "
                            + "put HINT lines directly after the BEGIN SOLUTION line");
                }
            }
            throw problem(begin, "BEGIN SOLUTION [" + taskId + "] is never closed; add `// END SOLUTION` at the end of "
                    + "the method body");
        }

        /** The generated throw must end the body, so only the closing brace may follow the region. */
        private void requireTailOfBody(int end, String taskId) {
            int index = end + 1;
            while (index < lines.length && (lines[index].isBlank() || isPlainComment(lines[index]))) {
                index++;
            }
            if (index == lines.length || !lines[index].strip().startsWith("}")) {
                String found = index == lines.length ? "the end of the file" : "`" + lines[index].strip() + "` at line " + (index + 1);
                throw problem(end, "region [" + taskId + "] is not the tail of a method or constructor body: after "
                        + "// END SOLUTION the next code line must be the body's closing brace `}`, found " + found
                        + ". Move the remaining code into the region or end the region later.");
            }
        }

        private static boolean isPlainComment(String line) {
            return LINE_COMMENT.matcher(line).matches() && !line.contains(BEGIN) && !line.contains(END);
        }

        private SkeletonException problem(int index, String message) {
            return new SkeletonException(List.of(file + ":" + (index + 1) + ": " + message));
        }
    }

    /** The exact text of the exception a TODO throws (before escaping into a Java literal). */
    public static String todoMessage(String taskId, String description, String see) {
        boolean endsSentence = description.endsWith(".") || description.endsWith("!") || description.endsWith("?");
        return "TODO [" + taskId + "]: " + description + (endsSentence ? "" : ".") + " See " + see;
    }

    static String escapeJavaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    // ------------------------------------------------------------------------------------------ files

    private static String normalizeLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Regular files below {@code root}, as sorted '/'-separated relative paths; symbolic links are not followed. */
    private static List<String> listFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
    }

    private static String readUtf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SkeletonException(List.of(file + ":1: not valid UTF-8; files under the solutions root must be UTF-8 text"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static String readLenient(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new UncheckedIOException("Could not read " + file, again);
            }
        }
    }

    private static void requireSeparateRoots(Path solutionsRoot, Path exercisesRoot) {
        Path solutions = solutionsRoot.toAbsolutePath().normalize();
        Path exercises = exercisesRoot.toAbsolutePath().normalize();
        if (solutions.startsWith(exercises) || exercises.startsWith(solutions)) {
            throw new SkeletonException(List.of(exercisesRoot + ": the exercises root must not overlap the solutions root "
                    + solutionsRoot + " (the generator would overwrite or delete its own input)"));
        }
    }

    private static void deleteEmptyDirectoriesBelow(Path root) throws IOException {
        List<Path> directories;
        try (Stream<Path> walk = Files.walk(root)) {
            directories = walk.filter(Files::isDirectory).filter(dir -> !dir.equals(root))
                    .sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        }
        for (Path directory : directories) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            }
        }
    }

    /** A compact unified-style excerpt of the first block of lines that differ. */
    private static String firstDifference(String actual, String wanted) {
        List<String> now = Arrays.asList(actual.split("\n", -1));
        List<String> generated = Arrays.asList(wanted.split("\n", -1));
        int start = 0;
        while (start < now.size() && start < generated.size() && now.get(start).equals(generated.get(start))) {
            start++;
        }
        int nowEnd = now.size();
        int generatedEnd = generated.size();
        while (nowEnd > start && generatedEnd > start && now.get(nowEnd - 1).equals(generated.get(generatedEnd - 1))) {
            nowEnd--;
            generatedEnd--;
        }
        StringBuilder excerpt = new StringBuilder("@@ -" + (start + 1) + "," + (nowEnd - start)
                + " +" + (start + 1) + "," + (generatedEnd - start) + " @@");
        appendLines(excerpt, "-", now.subList(start, nowEnd));
        appendLines(excerpt, "+", generated.subList(start, generatedEnd));
        return excerpt.toString();
    }

    private static void appendLines(StringBuilder excerpt, String sign, List<String> lines) {
        lines.stream().limit(MAX_DIFF_LINES).forEach(line -> excerpt.append('\n').append(sign).append(line));
        if (lines.size() > MAX_DIFF_LINES) {
            excerpt.append('\n').append(sign).append(" ... (").append(lines.size() - MAX_DIFF_LINES).append(" more lines)");
        }
    }
}
