package backproplab.grader.guide;

import backproplab.grader.export.CourseRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fenced code blocks of the instructor guide ({@value #GUIDE}). A shell block's info string says who runs
 * it: {@code bash guide-run} (GuideCommandsIT runs it) or {@code bash guide-ci} (CI runs each line).
 */
final class GuideBlocks {

    /** The guide, relative to the course root. */
    static final String GUIDE = "grader/docs/instructor-guide.md";

    /**
     * One fenced block.
     *
     * @param line     the line of its opening fence (1-based)
     * @param language the first word of the info string
     * @param tags     the other words of the info string
     * @param body     the lines between the fences
     */
    record Block(int line, String language, List<String> tags, List<String> body) {
        boolean shell() {
            return language.equals("bash") || language.equals("sh") || language.equals("shell") || language.equals("console");
        }

        /** The command lines: not blank, not comments. */
        List<String> commands() {
            return body.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private GuideBlocks() {
    }

    static String text() {
        try {
            return Files.readString(CourseRepo.root().resolve(GUIDE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> read() {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            List<String> info = Arrays.stream(line.substring(3).trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            int start = i;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.add(lines.get(i));
            }
            blocks.add(new Block(start + 1, info.isEmpty() ? "" : info.get(0), info.isEmpty() ? List.of() : info.subList(1, info.size()),
                    body));
        }
        return blocks;
    }

    static Path ciScript() {
        return CourseRepo.root().resolve(".ci/run");
    }
}
