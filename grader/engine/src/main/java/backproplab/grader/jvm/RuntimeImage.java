package backproplab.grader.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Java runtime image made with {@code jlink} that holds only some JDK modules, with its own class-data sharing
 * archive ({@code jlink --generate-cds-archive}): the test JVM's runtime. A module that is not in the image cannot be
 * loaded at all, which is a stronger limit than {@code --limit-modules}, and, unlike a JDK 17 JVM started with
 * {@code --limit-modules} (which turns class-data sharing off), the image's JVM maps its archive of the JDK's classes.
 *
 * <p>The image lives in a folder whose name carries a hash of the JDK it was made from (the {@code java} executable,
 * {@code release}, {@code lib/modules} and the jmods' sizes and times) and of the module list, so an updated JDK or
 * another module list is simply not found, and the image is made again. It is built in a folder of another name,
 * checked ({@code java -Xshare:on --list-modules} must list exactly the modules that jlink resolved) and then moved
 * into place, so a concurrent grader never sees half an image; older images of the same kind are removed.
 *
 * <p>It needs the JDK's {@code jmods} folder (packaged separately on some distributions: Debian's
 * {@code openjdk-17-jdk} has it, a JRE does not); {@link #problem()} says when it cannot be made.
 */
public final class RuntimeImage {

    /** Bump when the way images are made changes, so that old ones are no longer found. */
    private static final String SCHEME = "1";
    private static final long JLINK_LIMIT_SECONDS = 600;

    private final String name;
    private final Path folder;
    private final Path jdkHome;
    private final List<String> modules;
    private final Path image;

    private RuntimeImage(String name, Path folder, Path jdkHome, List<String> modules, String key) {
        this.name = name;
        this.folder = folder;
        this.jdkHome = jdkHome;
        this.modules = List.copyOf(modules);
        this.image = folder.resolve(name + "-" + key);
    }

    /**
     * The image of some modules of a JDK.
     *
     * @param name    what the image is for, for the folder name ({@code test-runtime})
     * @param folder  the folder that holds the images
     * @param java    the {@code java} executable of the JDK to take the modules from
     * @param modules the root modules (jlink adds what they require)
     * @return the image, which may not exist yet
     */
    public static RuntimeImage of(String name, Path folder, Path java, List<String> modules) {
        Path home = homeOf(java);
        return new RuntimeImage(name, folder.toAbsolutePath().normalize(), home, modules, key(name, home, modules));
    }

    /** The image's folder (which may not exist). */
    public Path folder() {
        return image;
    }

    /** The image's {@code java} executable, if the image exists. */
    public Optional<Path> java() {
        Path java = image.resolve("bin").resolve("java");
        return Files.isExecutable(java) && Files.isRegularFile(image.resolve("release")) ? Optional.of(java)
                : Optional.empty();
    }

    /** Why the image cannot be made from this JDK, or empty if it can. */
    public Optional<String> problem() {
        if (jdkHome == null) {
            return Optional.of("the java executable is not in a JDK's bin folder");
        }
        if (!Files.isDirectory(jdkHome.resolve("jmods"))) {
            return Optional.of("this JDK has no jmods folder (" + jdkHome.resolve("jmods") + ") to make an image from");
        }
        if (!Files.isExecutable(jlink())) {
            return Optional.of("this JDK has no jlink (" + jlink() + ")");
        }
        return Optional.empty();
    }

    /**
     * Makes the image unless it exists.
     *
     * @return what happened, one line
     * @throws IOException if jlink or the check fails (nothing is then left in place)
     */
    public String build() throws IOException {
        if (java().isPresent()) {
            return name + ": " + image + " exists";
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            return name + ": skipped, " + problem.get();
        }
        Files.createDirectories(folder);
        long start = System.nanoTime();
        Path partial = folder.resolve(image.getFileName() + ".partial-" + ProcessHandle.current().pid());
        deleteTree(partial);
        Path log = folder.resolve(name + ".jlink.log");
        try {
            run(List.of(jlink().toString(), "--module-path", jdkHome.resolve("jmods").toString(),
                    "--add-modules", String.join(",", modules), "--output", partial.toString(),
                    "--strip-debug", "--no-header-files", "--no-man-pages", "--generate-cds-archive"), log, "jlink");
            Path java = partial.resolve("bin").resolve("java");
            Path check = folder.resolve(name + ".check.log");
            run(List.of(java.toString(), "-Xshare:on", "--list-modules"), check, "checking the image");
            List<String> listed = Files.readAllLines(check, StandardCharsets.UTF_8).stream()
                    .map(line -> line.strip().split("@")[0]).filter(line -> !line.isEmpty()).toList();
            if (!listed.containsAll(modules)) {
                throw new IOException("the image lacks some of " + modules + ": it has " + listed);
            }
            try {
                Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, image);
            }
        } catch (IOException e) {
            deleteTree(partial);
            if (java().isPresent()) {
                return name + ": " + image + " exists (another grader made it)";
            }
            throw e;
        }
        removeStale();
        return String.format(Locale.ROOT, "%s: built %s (modules %s) in %.1f s", name, image.getFileName(),
                String.join(",", modules), (System.nanoTime() - start) / 1e9);
    }

    private Path jlink() {
        return jdkHome.resolve("bin").resolve("jlink");
    }

    private void removeStale() throws IOException {
        try (DirectoryStream<Path> images = Files.newDirectoryStream(folder, name + "-*")) {
            for (Path other : images) {
                if (!other.equals(image) && Files.isDirectory(other) && !other.getFileName().toString().contains(".partial-")) {
                    deleteTree(other);
                }
            }
        }
    }

    private static Path homeOf(Path java) {
        Path real;
        try {
            real = java.toRealPath();
        } catch (IOException e) {
            real = java.toAbsolutePath().normalize();
        }
        Path bin = real.getParent();
        return bin == null || bin.getParent() == null ? null : bin.getParent();
    }

    private static String key(String name, Path home, List<String> modules) {
        StringBuilder facts = new StringBuilder("scheme ").append(SCHEME).append('\n').append(name).append('\n')
                .append(new TreeSet<>(modules)).append('\n').append(home).append('\n');
        if (home != null) {
            describe(home.resolve("release"), facts);
            describe(home.resolve("lib/modules"), facts);
            describe(home.resolve("bin/java"), facts);
            Path jmods = home.resolve("jmods");
            if (Files.isDirectory(jmods)) {
                try (Stream<Path> files = Files.list(jmods)) {
                    files.sorted().forEach(file -> describe(file, facts));
                } catch (IOException e) {
                    facts.append("jmods unreadable\n");
                }
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(facts.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void describe(Path file, StringBuilder facts) {
        try {
            if (Files.exists(file)) {
                facts.append(file.getFileName()).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        } catch (IOException e) {
            facts.append(file).append(" unreadable\n");
        }
    }

    private static void run(List<String> command, Path log, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(JLINK_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " took more than " + JLINK_LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " failed (exit code " + process.exitValue() + "), see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        }
    }
}
