package backproplab.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The build-breaking sync check: exercises/src/main/java must be exactly what the generator makes from
 * solutions/src/main/java. Surefire runs in the solutions module directory, hence the relative roots.
 */
@DisplayName("The student skeleton in this repository")
class SkeletonInSyncTest {

    private static final Path SOLUTIONS = Path.of("src/main/java");
    private static final Path EXERCISES_MODULE = Path.of("../exercises");
    private static final Path EXERCISES = EXERCISES_MODULE.resolve("src/main/java");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("(?:<a\\s+(?:id|name)=\"([^\"]+)\"|\\{#([^}\\s]+)\\})");

    @Test
    @DisplayName("is exactly what the generator makes from the reference solutions")
    void inSync() {
        List<SkeletonGenerator.Difference> differences = SkeletonGenerator.diff(SOLUTIONS, EXERCISES);

        assertThat(differences)
                .withFailMessage(() -> "exercises/src/main/java is generated from solutions/src/main/java and must not be "
                        + "edited by hand.\n" + SkeletonGenerator.outOfSyncReport(Path.of("solutions/src/main/java"),
                        Path.of("exercises/src/main/java"), differences, SkeletonGenerator.REGENERATE_COMMAND))
                .isEmpty();
    }

    @Test
    @DisplayName("contains no solution marker")
    void noMarkers() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path file : filesBelow(EXERCISES)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(SkeletonGenerator.BEGIN) || lines.get(i).contains(SkeletonGenerator.END)) {
                    leaks.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(leaks).as("lines in exercises/src/main/java that still carry a BEGIN/END SOLUTION marker (the solution "
                + "may have leaked; change solutions/src/main/java and run `%s` from the repository root)",
                SkeletonGenerator.REGENERATE_COMMAND).isEmpty();
    }

    @Test
    @DisplayName("points every TODO at a README section that exists")
    void todoLinksResolve() throws IOException {
        Map<Path, Set<String>> anchorsByReadme = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (SkeletonGenerator.Region region : SkeletonGenerator.build(SOLUTIONS).regions()) {
            String[] link = region.see().split("#", 2);
            Path readme = EXERCISES_MODULE.resolve(link[0]);
            if (!Files.isRegularFile(readme)) {
                broken.add("solutions/" + region.file() + ":" + region.line() + ": [" + region.taskId() + "] links to " + region.see()
                        + " but exercises/" + link[0] + " does not exist");
                continue;
            }
            Set<String> anchors = anchorsByReadme.computeIfAbsent(readme, SkeletonInSyncTest::anchorsOf);
            if (!anchors.contains(link[1])) {
                broken.add("solutions/" + region.file() + ":" + region.line() + ": [" + region.taskId() + "] links to " + region.see()
                        + " but exercises/" + link[0] + " has no heading with anchor #" + link[1] + " (it has " + anchors + ")");
            }
        }
        assertThat(broken).as("TODO links whose README file or section is missing; add the heading to the README or fix "
                + "the link in the BEGIN SOLUTION marker and run `%s`", SkeletonGenerator.REGENERATE_COMMAND).isEmpty();
    }

    /** GitHub-style heading anchors (lower case, punctuation dropped, spaces to '-', '-1' for repeats) plus explicit ids. */
    private static Set<String> anchorsOf(Path readme) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        try {
            for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                if (line.strip().startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                Matcher explicit = EXPLICIT_ANCHOR.matcher(line);
                while (explicit.find()) {
                    anchors.add(explicit.group(1) != null ? explicit.group(1) : explicit.group(2));
                }
                Matcher heading = HEADING.matcher(line);
                if (!inFence && heading.matches()) {
                    String slug = slug(heading.group(1));
                    int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                    anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return anchors;
    }

    private static String slug(String heading) {
        String text = heading.replaceAll("\\{#[^}]*\\}", "").strip().toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_'
                    || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private static List<Path> filesBelow(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
