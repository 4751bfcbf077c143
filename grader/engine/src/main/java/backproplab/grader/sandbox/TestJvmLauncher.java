package backproplab.grader.sandbox;

import backproplab.grader.child.ChildMain;
import backproplab.grader.protocol.ChildRequest;
import backproplab.grader.protocol.Json;
import backproplab.grader.protocol.SuiteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts test JVMs ({@link ChildMain}): writes the request file, builds the command line with the memory limits,
 * and binds the event socket the JVM reports to. The isolation level ({@link SandboxLimits#isolation()}) lays out
 * each JVM's files and wraps its command ({@link SandboxLayout}); this class only uses the paths the layout gives.
 */
final class TestJvmLauncher {

    private final SandboxLimits limits;
    private final RuntimeClasspath classpath;
    private final Path javaExecutable;
    private final boolean backendInfo;
    private final Map<String, String> suiteProperties;

    TestJvmLauncher(SandboxLimits limits, RuntimeClasspath classpath, Path java, boolean backendInfo,
                    Map<String, String> suiteProperties) {
        this.limits = limits;
        this.classpath = classpath;
        this.javaExecutable = java;
        this.backendInfo = backendInfo;
        this.suiteProperties = Map.copyOf(suiteProperties);
    }

    /** The hidden files every test JVM of this launcher gets ({@link HiddenFilesArchive}), packed on first use. */
    private byte[] hiddenFiles;

    private synchronized byte[] hiddenFiles() throws IOException {
        if (hiddenFiles == null) {
            String thresholds = suiteProperties.get(SuiteSettings.THRESHOLDS_FILE);
            hiddenFiles = HiddenFilesArchive.of(classpath.hiddenSuites(), classpath.reference(),
                    thresholds == null || thresholds.isBlank() ? null : Path.of(thresholds));
        }
        return hiddenFiles;
    }

    /**
     * Starts a test JVM.
     *
     * @param submissionClasses the compiled submission (it may still be empty when {@code waitForGo})
     * @param suites            packages or classes of suites
     * @param skipKeys          keys of tests that already have a result
     * @param workDir           the run's folder; the JVM gets {@code child-<attempt>} in it
     * @param attempt           the number of this JVM in the run, from 0
     * @param waitForGo         whether the JVM waits for the go line before it loads any test
     * @return the started JVM
     * @throws IOException if the request cannot be written or the JVM cannot be started
     */
    TestJvm launch(Path submissionClasses, List<String> suites, List<String> skipKeys, Path workDir, int attempt,
                   boolean waitForGo) throws IOException {
        String token = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        Path childDir = Files.createDirectories(workDir.resolve("child-" + attempt));
        SandboxLayout layout = limits.isolation().layout(childDir);
        EventServer server = EventServer.bind(childDir);
        try {
            ChildRequest request = new ChildRequest(layout.seen(server.socket()).toString(), token,
                    System.currentTimeMillis(), suites, skipKeys, limits.testTimeout().toMillis(),
                    limits.grace().toMillis(), limits.outputCapBytes(), backendInfo, waitForGo);
            Path requestFile = childDir.resolve("request.json");
            Json.MAPPER.writeValue(requestFile.toFile(), request);
            ProcessBuilder builder = new ProcessBuilder(layout.wrap(command(submissionClasses, layout.seen(requestFile),
                    layout))).directory(childDir.toFile());
            layout.environment(builder.environment());
            NativeThreads.singleThreaded(builder.environment());
            ProcessSweep sweep = new ProcessSweep();
            builder.environment().put(ProcessSweep.ENV, sweep.mark());
            Process process = builder.start();
            process.getOutputStream().close();
            return new TestJvm(server, process, token, waitForGo, hiddenFiles(), picturesIn(layout.scratch()),
                    picturesIn(childDir), sweep, layout);
        } catch (IOException | RuntimeException e) {
            server.close();
            layout.close();
            throw e;
        }
    }

    /** Where a test JVM draws its pictures: a folder in its scratch folder ({@link ChildPictures} copies them out). */
    static Path picturesIn(Path scratch) {
        return scratch.resolve("pictures");
    }

    /**
     * The suites' settings as this JVM sees them: the pictures go to its own scratch folder, never straight into the
     * report folder; the thresholds file is not named, as its content comes with the hidden files.
     */
    private Map<String, String> childProperties(SandboxLayout layout) {
        Map<String, String> properties = new LinkedHashMap<>(suiteProperties);
        properties.remove(SuiteSettings.THRESHOLDS_FILE);
        properties.computeIfPresent(SuiteSettings.PICTURES_DIRECTORY, (name, folder) -> picturesIn(layout.scratch()).toString());
        return properties;
    }

    /**
     * Survivor spaces as large as eden. Every ND4J op leaves JavaCPP deallocator objects that stay reachable until
     * the collection after their array died; with the default small survivor spaces they overflow into the old
     * generation, which then fills with dead ones. Measured with the moons benchmark (2000 epochs): 0.85 to 0.98 s
     * against 1.17 to 1.30 s, and a third of the peak memory; in the grading benchmark the test JVM's peak RSS went
     * from 294 to 245 MB.
     */
    static final String SURVIVOR_RATIO = "-XX:SurvivorRatio=1";

    private List<String> command(Path submissionClasses, Path requestFile, SandboxLayout layout) {
        List<String> command = new ArrayList<>();
        command.add(layout.seenJava(limits.isolation().testJava(javaExecutable)).toString());
        command.add("-Xmx" + limits.heap());
        command.add("-Xss" + limits.threadStack());
        command.add("-XX:+UseSerialGC");
        command.add(SURVIVOR_RATIO);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(archivesMatch(layout) ? archiveSeen(layout, tuningFlags)
                : tuningFlags.stream().filter(flag -> !flag.startsWith("-XX:SharedArchiveFile=")).toList());
        if (!tuningFlags.isEmpty() || limits.isolation().runsFromImage()) {
            // A few lines on whether a class-data archive mapped, for the timings (ClassDataUse reads them).
            command.add("-Xlog:cds=info:file=" + layout.scratch().resolve(ClassDataUse.LOG_NAME) + ":none");
        }
        command.add("-Dorg.bytedeco.javacpp.maxbytes=" + limits.offHeap());
        command.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + limits.physical());
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.add("-Djava.io.tmpdir=" + layout.scratch());
        childProperties(layout).forEach((name, value) -> command.add("-D" + name + "=" + value));
        if (!classpath.reference().isEmpty()) {
            // Exercise isolation: the test JVM links the reference (sent with the hidden files) beneath each suite.
            command.add("-D" + SuiteSettings.SUBMISSION_CLASSES + "=" + layout.seen(submissionClasses));
        }
        command.add("-cp");
        command.add(RuntimeClasspath.join(classpath.childClasspath(submissionClasses).stream().map(layout::seen).toList()));
        command.add(ChildMain.class.getName());
        command.add(requestFile.toString());
        return command;
    }

    /** The tuning flags with the class-data archive's path as the sandbox shows it. */
    private static List<String> archiveSeen(SandboxLayout layout, List<String> flags) {
        String option = "-XX:SharedArchiveFile=";
        return flags.stream().map(flag -> flag.startsWith(option)
                ? option + layout.seen(Path.of(flag.substring(option.length()))) : flag).toList();
    }

    /**
     * Whether the test JVM sees the grader's jars at their host paths, as the class-data archive recorded them: if the
     * sandbox had to mount one elsewhere, the archive would not match, and a JVM given an archive that does not match
     * maps no archive at all (not even the JDK's), so it is better left out.
     */
    private boolean archivesMatch(SandboxLayout layout) {
        List<Path> archived = new ArrayList<>(classpath.libraries());
        archived.addAll(classpath.graderCode());
        return archived.stream().allMatch(path -> layout.seen(path).equals(path.toAbsolutePath().normalize()));
    }

    // JVM tuning (JIT, class-data sharing), kept in this one place; see TestJvmTuning.
    private List<String> tuningFlags = List.of();

    /** Adds JVM options that make the test JVM cheaper ({@link TestJvmTuning#flags}) to every launch. */
    TestJvmLauncher tunedWith(List<String> flags) {
        tuningFlags = List.copyOf(flags);
        return this;
    }
}
