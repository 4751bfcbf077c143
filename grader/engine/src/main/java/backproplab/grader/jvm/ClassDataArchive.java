package backproplab.grader.jvm;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application class-data sharing (AppCDS) archive for one kind of short-lived JVM of the grader (the test JVM,
 * the javac JVM): the classes such a JVM loads, already parsed and verified, mapped from one file instead of read
 * from dozens of jars at every start.
 *
 * <p><b>What it holds.</b> The archive is made from a <em>training run</em> that the caller supplies, on the
 * grader's own inputs only (the bundled suites on an empty submission, javac on a tiny source of the grader's): its
 * JVM writes the names of the classes it loaded ({@code -XX:DumpLoadedClassList}), and a second JVM dumps those
 * classes ({@code -Xshare:dump}) from the <em>archived path</em>, the leading jar files of the class path. The JDK
 * archives classes from jars only, so a class folder, and everything after it, is never archived: the submission's
 * class folder is always last on the test JVM's class path, so no student's class can enter an archive, and the
 * archive can be used with any submission folder appended.
 *
 * <p><b>When it is used.</b> Only an archive made for exactly this JDK and archived path is used: its file name
 * carries a hash of the {@code java} executable, the JDK's {@code lib/modules} and {@code libjvm}, and the path,
 * size and modification time of every archived jar (and of the jars their manifests name). A rebuilt jar or an
 * updated JDK gives another name, so the stale archive is simply not found, and the JVM runs as it would without
 * one. Behind that, the JDK checks the same facts itself: with {@code -Xshare:auto} (the default) an archive that
 * does not fit the JVM or its class path is ignored without a message (checked on JDK 17 with a reordered class
 * path, a truncated file, random bytes, an archive of another JDK and a missing file). That fallback is slower
 * than having no archive at all (the JDK's own archive is not used either), which is why the name check comes
 * first. A new archive is checked with {@code -Xshare:on}, which fails unless the archive maps, before it is moved
 * into place; it is written under another name and moved atomically, under a lock, so a concurrent grader never
 * sees half a file.
 */
public final class ClassDataArchive {

    /** Bump when the way archives are made changes, so that old ones are no longer found. */
    private static final String SCHEME = "1";
    private static final long STEP_LIMIT_SECONDS = 300;

    /** The training run: runs the JVM once, with {@code flags} (the class list option) added to its command line. */
    @FunctionalInterface
    public interface Training {
        /**
         * @param flags JVM options to add before the class path
         * @throws IOException if the run cannot be made
         */
        void run(List<String> flags) throws IOException;
    }

    private final String name;
    private final Path folder;
    private final Path java;
    private final List<Path> archivedPath;
    private final Path file;

    private ClassDataArchive(String name, Path folder, Path java, List<Path> archivedPath, String key) {
        this.name = name;
        this.folder = folder;
        this.java = java;
        this.archivedPath = List.copyOf(archivedPath);
        this.file = folder.resolve(name + "-" + key + ".jsa");
    }

    /**
     * The archive of a JVM.
     *
     * @param name      what the JVM is, for the file name ({@code test-jvm}, {@code javac-jvm})
     * @param folder    the folder of the archives
     * @param java      the {@code java} executable of the JVM
     * @param classpath the JVM's class path, in order
     * @return the archive, which may not exist yet
     */
    public static ClassDataArchive of(String name, Path folder, Path java, List<Path> classpath) {
        List<Path> archived = archivedPath(classpath);
        return new ClassDataArchive(name, folder.toAbsolutePath().normalize(), java, archived, key(name, java, archived));
    }

    /** The leading jar files of a class path: the part an archive can hold. */
    static List<Path> archivedPath(List<Path> classpath) {
        List<Path> jars = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
                break;
            }
            jars.add(entry.toAbsolutePath().normalize());
        }
        return jars;
    }

    /** The archive's file (which may not exist). */
    public Path file() {
        return file;
    }

    /** The jars the archive covers, the leading part of the JVM's class path. */
    public List<Path> archivedPath() {
        return archivedPath;
    }

    /** Below this size a file cannot be an archive (one is tens of megabytes; its header alone is about a kilobyte). */
    private static final long SMALLEST_ARCHIVE_BYTES = 1 << 20;

    /**
     * Whether there is an archive for this JDK and class path. A file too small to be one (left by a full disk, say)
     * does not count: a JDK 17 JVM that logs {@code -Xlog:cds=info} crashes on a file shorter than an archive's header
     * (checked with 0 to 500 bytes), where without the log {@code -Xshare:auto} ignores it.
     */
    public boolean exists() {
        try {
            return !archivedPath.isEmpty() && Files.isRegularFile(file) && Files.size(file) >= SMALLEST_ARCHIVE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return the JVM options that use the archive, or none when there is no archive for this JDK and class path
     */
    public List<String> flags() {
        return exists() ? List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto") : List.of();
    }

    /**
     * Builds the archive, unless another process is building it.
     *
     * @param training the training run
     * @return what happened, one line
     * @throws IOException if a step fails (the archive is then left as it was)
     */
    public String build(Training training) throws IOException {
        if (archivedPath.isEmpty()) {
            return name + ": nothing to archive, the class path starts with a class folder";
        }
        Files.createDirectories(folder);
        Path lockFile = folder.resolve(name + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                return name + ": another grader is building this archive";
            }
            if (exists()) {
                return name + ": " + file + " exists";
            }
            long start = System.nanoTime();
            Path classList = folder.resolve(name + ".classlist");
            Path partial = folder.resolve(name + ".jsa.partial");
            Path log = folder.resolve(name + ".log");
            Files.deleteIfExists(classList);
            Files.deleteIfExists(partial);
            training.run(List.of("-XX:DumpLoadedClassList=" + classList));
            if (!Files.isRegularFile(classList) || Files.size(classList) == 0) {
                throw new IOException("The training run of the " + name + " wrote no class list");
            }
            String path = String.join(File.pathSeparator, archivedPath.stream().map(Path::toString).toList());
            // A small heap keeps compressed oops on, as in the JVMs that will use the archive.
            run(List.of(java.toString(), "-Xshare:dump", "-Xmx512m", "-XX:SharedClassListFile=" + classList,
                    "-XX:SharedArchiveFile=" + partial, "-cp", path), log, "dumping the archive");
            // -Xshare:on fails unless the archive maps and matches the class path.
            run(List.of(java.toString(), "-XX:SharedArchiveFile=" + partial, "-Xshare:on", "-cp", path, "-version"),
                    folder.resolve(name + ".check.log"), "checking the archive");
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(classList);
            removeStale();
            return String.format(Locale.ROOT, "%s: built %s (%d MB) in %.1f s", name, file.getFileName(),
                    Files.size(file) >> 20, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * How a JVM used the archive.
     *
     * @param mapped  whether the JVM started with the archive under {@code -Xshare:on} (which fails otherwise)
     * @param shared  classes it loaded from the archive
     * @param loaded  classes it loaded in all
     * @param problem what went wrong when it did not start, else {@code ""}
     */
    public record Usage(boolean mapped, int shared, int loaded, String problem) {
    }

    /**
     * Runs a JVM with the archive, {@code -Xshare:on} and class-load logging, to show that the archive maps and which
     * classes come from it (for the benchmark and the tests; {@code -Xshare:auto} would fall back without a word).
     *
     * @param classpath   the JVM's class path (the archived path, maybe with more entries after it)
     * @param mainAndArgs the main class and its arguments
     * @return what the JVM did
     * @throws IOException if the JVM cannot be started
     */
    public Usage check(List<String> flags, List<Path> classpath, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(flags);
        command.addAll(List.of("-XX:SharedArchiveFile=" + file, "-Xshare:on", "-Xlog:class+load=info", "-cp",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor(STEP_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int shared = 0;
        int loaded = 0;
        List<String> other = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.contains("][class,load] ") && line.contains(" source: ")) {
                loaded++;
                if (line.endsWith("source: shared objects file")) {
                    shared++;
                }
            } else if (!line.isBlank()) {
                other.add(line);
            }
        }
        boolean mapped = !process.isAlive() && process.exitValue() == 0 && shared > 0;
        process.destroyForcibly();
        return new Usage(mapped, shared, loaded, mapped ? "" : String.join(" / ", other.subList(0, Math.min(3, other.size()))));
    }

    /**
     * The classes in the archive, as the JDK lists them ({@code -XX:+PrintSharedArchiveAndExit}).
     *
     * @return binary names, for example {@code org.nd4j.linalg.factory.Nd4j}
     * @throws IOException if the JVM cannot be started
     */
    public List<String> classNames() throws IOException {
        Process process = new ProcessBuilder(java.toString(), "-XX:SharedArchiveFile=" + file,
                "-XX:+PrintSharedArchiveAndExit", "-cp", String.join(File.pathSeparator,
                archivedPath.stream().map(Path::toString).toList())).redirectErrorStream(true).start();
        process.getOutputStream().close();
        List<String> names = new ArrayList<>();
        for (String line : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
            Matcher entry = ARCHIVED_CLASS.matcher(line);
            if (entry.matches()) {
                names.add(entry.group(1));
            }
        }
        return names;
    }

    /** A line of {@code -XX:+PrintSharedArchiveAndExit}: {@code "   42: org.nd4j.linalg.factory.Nd4j app_loader"}. */
    private static final Pattern ARCHIVED_CLASS =
            Pattern.compile("\\s*\\d+: ([\\w.$]+) \\w+");

    /** Removes this kind's archives of other JDKs or class paths: they would never be found again. */
    private void removeStale() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(folder, name + "-*.jsa")) {
            for (Path other : archives) {
                if (!other.equals(file)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void run(List<String> command, Path log, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(STEP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " took more than " + STEP_LIMIT_SECONDS + " s");
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

    private static String key(String name, Path java, List<Path> archived) {
        StringBuilder facts = new StringBuilder("scheme ").append(SCHEME).append('\n').append(name).append('\n');
        Path javaFile = java.toAbsolutePath().normalize();
        facts.append(realPath(javaFile)).append('\n');
        Path home = javaFile.getParent() == null ? null : javaFile.getParent().getParent();
        if (home != null) {
            for (Path part : List.of(home.resolve("lib/modules"), home.resolve("lib/server/libjvm.so"),
                    home.resolve("lib/server/libjvm.dylib"), home.resolve("bin/server/jvm.dll"))) {
                describe(part, facts);
            }
        }
        for (Path jar : withManifestClassPaths(archived)) {
            describe(jar, facts);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(facts.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars and the jars their manifests' {@code Class-Path} name (the JDK checks those too). */
    static List<Path> withManifestClassPaths(List<Path> jars) {
        Set<Path> all = new LinkedHashSet<>();
        for (Path jar : jars) {
            all.add(jar);
            try (JarFile jarFile = new JarFile(jar.toFile())) {
                Manifest manifest = jarFile.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (classPath != null && jar.getParent() != null) {
                    for (String entry : classPath.trim().split("\\s+")) {
                        if (!entry.isEmpty()) {
                            all.add(jar.getParent().resolve(entry).normalize());
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable jar is described by its size and time alone.
            }
        }
        return List.copyOf(all);
    }

    private static void describe(Path file, StringBuilder facts) {
        try {
            if (Files.exists(file)) {
                facts.append(file).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        } catch (IOException e) {
            facts.append(file).append(" unreadable\n");
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }
}
