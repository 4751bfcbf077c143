package backproplab.grader.platform;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.export.CourseRepo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The four submissions the platform tests grade, written in the layouts students hand in. */
final class Submissions {

    /** The task the mutant breaks. */
    static final String MUTATED_TASK = "network.update";

    /** Ways the reference may write θ − α·g, each with its "plus" twin; the first one found is flipped. */
    private static final String[][] SIGN_FLIPS = {
        {".subi(", ".addi("}, {"-learningRate", "learningRate"}, {"-= ", "+= "}, {".sub(", ".add("}};
    private static final String SIGN_FLIPS_TEXT = java.util.Arrays.deepToString(SIGN_FLIPS);

    private Submissions() {
    }

    /** The reference sources: solutions/src/main/java. */
    static Path reference() {
        return CourseRepo.root().resolve("solutions/src/main/java");
    }

    /** The skeleton sources: exercises/src/main/java. */
    static Path skeleton() {
        return CourseRepo.root().resolve("exercises/src/main/java");
    }

    /** Copies a source folder's packages into {@code target} (created). */
    static void copySources(Path sources, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path to = target.resolve(sources.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
    }

    /** Copies every .java file of a source folder flat into {@code target}, as a loose-file upload. */
    static void copyLoose(Path sources, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }

    /** Zips a source folder's packages into {@code zip}. */
    static void zipSources(Path sources, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(sources)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.putNextEntry(new ZipEntry("src/main/java/" + sources.relativize(source).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(source));
                out.closeEntry();
            }
        }
    }

    /**
     * The reference with one common bug: {@code NeuralNetwork.update} adds the gradient instead of subtracting it.
     *
     * @param target the source folder to write
     */
    static void mutant(Path target) throws IOException {
        copySources(reference(), target);
        Path file = target.resolve("backproplab/network/NeuralNetwork.java");
        String source = Files.readString(file);
        Matcher region = Pattern.compile("BEGIN SOLUTION \\[" + Pattern.quote(MUTATED_TASK) + "\\].*?END SOLUTION",
                Pattern.DOTALL).matcher(source);
        assertThat(region.find()).as("the reference NeuralNetwork.java must still have the region [%s] the mutant edits",
                MUTATED_TASK).isTrue();
        String mutated = region.group();
        for (String[] flip : SIGN_FLIPS) {
            if (mutated.contains(flip[0])) {
                mutated = mutated.replace(flip[0], flip[1]);
                break;
            }
        }
        assertThat(mutated).as("the mutant must turn the subtraction of region [%s] into an addition (one of %s); "
                + "has the reference's update changed?", MUTATED_TASK, SIGN_FLIPS_TEXT).isNotEqualTo(region.group());
        Files.writeString(file, source.substring(0, region.start()) + mutated + source.substring(region.end()));
    }

    /**
     * The reference with a syntax error at the end of {@code Activations.java}.
     *
     * @param target the source folder to write
     * @return the broken file's name, which the compiler's message must name
     */
    static String doesNotCompile(Path target) throws IOException {
        copySources(reference(), target);
        Path file = target.resolve("backproplab/activations/Activations.java");
        Files.writeString(file, Files.readString(file) + "\nthis line is not Java;\n");
        return "Activations.java";
    }
}
