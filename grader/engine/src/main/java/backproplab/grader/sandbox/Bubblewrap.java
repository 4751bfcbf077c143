package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The test JVM in a bubblewrap ({@code bwrap}) sandbox on Linux, the OS layer of {@link IsolationLevel#FULL}.
 *
 * <p>The sandbox has its own PID, network, IPC, UTS and mount namespaces ({@code --die-with-parent}, so it ends with
 * the grader; when its first process ends, the kernel kills every process left in it). Its file system holds, read-only,
 * only the host's system folders ({@link #SYSTEM_FOLDERS}: {@code /usr}, {@code /etc}, {@code /lib}...) and the files
 * the test JVM is given at their own paths (its JDK, class path and class-data archives), with a fresh {@code /proc}
 * and {@code /dev}, an empty {@code /run} (no host sockets), and:
 * <pre>
 *   /run/backproplab/scratch     the test JVM's scratch folder, read-write (its working directory, java.io.tmpdir,
 *                                user.home, the event socket, the pictures)
 *   /tmp                         a private /tmp: a folder in the scratch folder (host files under /tmp that the
 *                                test JVM reads are mounted in it again, read-only, at their own paths)
 *   /run/backproplab/ro-NN/name  a file or folder the test JVM reads that the sandbox's uid could not read in place
 *   .../scratch/native-cache/*   ND4J's native libraries, read-only ({@link NativeCache})
 * </pre>
 * When the grader runs as root, the test JVM runs as uid and gid 65534 ({@code setpriv}, every capability dropped,
 * no new privileges): it cannot signal, trace or read the files of the grader's account; while other sandboxes of the
 * machine run, it gets a uid just below 65534 of its own ({@link SandboxUids}), so that its process cap is its own. Otherwise it runs as uid
 * 65534 of a user namespace of its own (still the grader's account outside it, which the PID namespace hides). The
 * number of processes of that uid is capped ({@code prlimit --nproc}), and so are the memory of each process
 * ({@code --data}) and the size of each file it writes ({@code --fsize}, {@link ScratchQuota}), when prlimit is there. The environment is
 * emptied but for a few harmless variables, so no secret of the grader's reaches the test JVM.
 */
final class Bubblewrap {

    /** System property naming the bubblewrap executable; without it, {@code bwrap} is looked for on the PATH. */
    static final String EXECUTABLE_PROPERTY = "backproplab.bwrap";

    /** The uid and gid of the test JVM (nobody). */
    static final int SANDBOX_UID = 65534;
    /** Cap on the processes (and threads) of the test JVM's uid. */
    static final int MAX_PROCESSES = 512;
    /**
     * Cap on each sandboxed process's writable private memory ({@code prlimit --data}: heap, thread stacks, malloc and
     * native buffers). JavaCPP's caps only count the buffers it allocates itself: {@code Nd4j.create(DOUBLE, 1L << 30)}
     * is allocated by libnd4j and made the test JVM 8.3 GB resident before JavaCPP noticed. The test JVM needs well
     * under 1 GB (384 MB of heap) and OpenBLAS maps a work buffer per core: 1 GB and 256 MB a core, 2 GB at least
     * (2 GB on Gradescope's and this project's 2-core machines), stops such an allocation, which then fails in the test
     * that made it.
     */
    static final long MAX_DATA_BYTES = maxDataBytes(Runtime.getRuntime().availableProcessors());
    private static final Path TMP = Path.of("/tmp");
    /** The folders the sandbox replaces with its own, so that the test JVM never sees the host's there. */
    private static final List<Path> REPLACED = List.of(TMP, Path.of("/run"), Path.of("/dev"), Path.of("/proc"));
    /** Where the sandbox's own files are mounted. */
    static final Path ROOT = Path.of("/run/backproplab");
    /**
     * The host's system folders, mounted read-only (a symbolic link among them, as on a merged-/usr system, is made
     * again as a link): programs, libraries, fonts and configuration. Nothing else of the host is there but what
     * the test JVM is given ({@link Layout#seen}): its JDK, class path, archives and submission. So the grader's own
     * files (its hidden suites and reference, its sources in a checkout, other students' work) are not in the sandbox.
     */
    static final List<Path> SYSTEM_FOLDERS = Stream.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
            "/etc", "/var/cache/fontconfig").map(Path::of).toList();

    /** Host variables the test JVM keeps (ND4J, OpenMP and BLAS settings, locale, time zone); the rest is dropped. */
    private static final List<String> KEPT_VARIABLES = List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ");
    private static final List<String> KEPT_PREFIXES = List.of("ND4J_", "OMP_", "OPENBLAS_", "MKL_", "BACKPROPLAB_");
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(60);

    private final Path bwrap;
    private final String version;
    private final boolean root;
    private final Path setpriv;
    private final Path prlimit;
    private final NativeCache nativeCache;
    private final SandboxUids uids = new SandboxUids();

    /** The memory cap for a machine with this many cores ({@link #MAX_DATA_BYTES}). */
    static long maxDataBytes(int cores) {
        return Math.max(2L << 30, (1L << 30) + (256L << 20) * cores);
    }

    private Bubblewrap(Path bwrap, String version, boolean root, Path setpriv, Path prlimit, NativeCache nativeCache) {
        this.bwrap = bwrap;
        this.version = version;
        this.root = root;
        this.setpriv = setpriv;
        this.prlimit = prlimit;
        this.nativeCache = nativeCache;
    }

    /** The outcome of {@link #probe}: a working sandbox, or why there is none. */
    record Probe(Bubblewrap bubblewrap, String problem) {
        boolean works() {
            return bubblewrap != null;
        }
    }

    /**
     * Finds bubblewrap and checks, once, that it can run the test JVM here: {@code java -version} in the real sandbox.
     * Fills ND4J's native cache first if it is not complete.
     *
     * @param limit     the test JVM's java executable and module limit
     * @param libraries the test JVM's libraries, to fill the native cache
     * @return the sandbox, or why there is none
     */
    static Probe probe(ModuleLimits.Applied limit, List<Path> libraries) {
        Path java = limit.java();
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new Probe(null, "bubblewrap needs Linux, and this is " + os);
        }
        String named = System.getProperty(EXECUTABLE_PROPERTY, "");
        Optional<Path> bwrap = named.isBlank() ? Commands.find("bwrap")
                : Optional.of(Path.of(named)).filter(Files::isExecutable);
        if (bwrap.isEmpty()) {
            return new Probe(null, "bubblewrap is not installed (no " + (named.isBlank() ? "bwrap on the PATH" : named) + ")");
        }
        Commands.Result versionRun = Commands.run(List.of(bwrap.get().toString(), "--version"), PROBE_LIMIT);
        String version = versionRun.exitCode() == 0 && !versionRun.output().isBlank()
                ? versionRun.output().lines().findFirst().orElse("bubblewrap").strip() : "bubblewrap (unknown version)";
        boolean root = SandboxVisibility.isRoot();
        Path setpriv = null;
        if (root) {
            Optional<Path> found = Commands.find("setpriv");
            if (found.isEmpty()) {
                return new Probe(null, "setpriv (util-linux) is not installed, and the grader runs as root: it needs "
                        + "setpriv to run the test JVM as uid " + SANDBOX_UID);
            }
            setpriv = found.get();
        }
        Path prlimit = Commands.find("prlimit").orElse(null);
        NativeCache cache = NativeCache.ofThisAccount();
        Bubblewrap sandbox = new Bubblewrap(bwrap.get(), version, root, setpriv, prlimit, cache);
        Optional<String> trial = sandbox.trial(java, limit.jvmOptions());
        if (trial.isPresent()) {
            return new Probe(null, trial.get());
        }
        Optional<String> filled = cache.ensureFilled(java, libraries);
        return filled.isPresent() ? new Probe(null, filled.get()) : new Probe(sandbox, "");
    }

    /** Runs {@code java -version} in the sandbox; empty if it worked, else what went wrong. */
    private Optional<String> trial(Path java, List<String> moduleOptions) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("backproplab-sandbox-probe-");
            try (Layout layout = layout(scratch, moduleOptions)) {
                ProcessBuilder builder = new ProcessBuilder(layout.wrap(List.of(layout.seenJava(java).toString(),
                        "-version")));
                layout.environment(builder.environment());
                Commands.Result result = Commands.run(builder, PROBE_LIMIT);
                return result.exitCode() == 0 ? Optional.empty()
                        : Optional.of("bubblewrap cannot run the test JVM here (exit code " + result.exitCode() + "): "
                                + Commands.firstLines(result.output(), 2));
            }
        } catch (IOException e) {
            return Optional.of("the sandbox's folders cannot be prepared: " + e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** For the report: what the sandbox does. */
    String description() {
        return version + ": " + (root ? "own uid " + SANDBOX_UID + " (or one just below it of its own while other "
                + "sandboxes run)" : "uid " + SANDBOX_UID + " in its own user namespace")
                + ", no network, read-only file system but its scratch folder, private /tmp, own PID namespace"
                + (prlimit != null ? ", at most " + MAX_PROCESSES + " processes, " + (MAX_DATA_BYTES >> 20) + " MB of memory "
                        + "and " + (ScratchQuota.DEFAULT.maxBytes() >> 20) + " MB per file"
                        : " (no process, memory or file-size cap: prlimit is missing)");
    }

    /**
     * Lays out one test JVM's sandbox around a host scratch folder, which it prepares (sub-folders, and the owner when
     * the test JVM runs as uid 65534), and takes a uid of its own for it when the grader runs as root; close the layout
     * when the JVM is gone.
     */
    Layout layout(Path hostScratch, List<String> moduleOptions) throws IOException {
        Files.createDirectories(hostScratch.resolve("tmp"));
        Path cacheMounts = Files.createDirectories(hostScratch.resolve("native-cache"));
        List<Path> cacheEntries = Files.isDirectory(nativeCache.folder()) ? nativeCache.entries() : List.of();
        for (Path entry : cacheEntries) {
            Files.createDirectories(cacheMounts.resolve(entry.getFileName().toString()));
        }
        SandboxUids.Lease uid = root ? uids.lease() : null;
        try {
            if (root) {
                for (Path folder : List.of(hostScratch, hostScratch.resolve("tmp"), cacheMounts)) {
                    Files.setAttribute(folder, "unix:uid", uid.uid());
                    Files.setAttribute(folder, "unix:gid", uid.uid());
                }
            }
        } catch (IOException | RuntimeException e) {
            uid.close();
            throw e;
        }
        return new Layout(hostScratch, cacheEntries, moduleOptions, uid);
    }

    /**
     * Lets the test JVM's uid read a folder the grader wrote (the compiled submission), whatever the grader's umask.
     * Nothing to do when the test JVM is the grader's own account in a user namespace.
     */
    void openForReading(Path folder) throws IOException {
        if (!root || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                if (!Files.isSymbolicLink(file)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                            Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    /** One test JVM's sandbox. */
    final class Layout extends SandboxLayout {
        private final Path hostScratch;
        private final List<Path> cacheEntries;
        private final List<String> moduleOptions;
        private final Map<Path, Path> readOnly = new LinkedHashMap<>();
        /** Host files and folders outside the system folders, mounted read-only at their own path. */
        private final Set<Path> inPlace = new LinkedHashSet<>();
        /** Host files under /tmp, mounted read-only at their own path inside the sandbox's private /tmp. */
        private final Set<Path> inPlaceUnderTmp = new LinkedHashSet<>();
        /** The uid the test JVM runs as, when the grader is root; {@code null} in a user namespace. */
        private final SandboxUids.Lease uid;

        private Layout(Path hostScratch, List<Path> cacheEntries, List<String> moduleOptions, SandboxUids.Lease uid) {
            this.uid = uid;
            this.hostScratch = hostScratch;
            this.cacheEntries = cacheEntries;
            this.moduleOptions = List.copyOf(moduleOptions);
        }

        @Override
        Path scratch() {
            return ROOT.resolve("scratch");
        }

        @Override
        Path seen(Path host) {
            Path normal = host.toAbsolutePath().normalize();
            if (normal.startsWith(hostScratch)) {
                return scratch().resolve(hostScratch.relativize(normal).toString());
            }
            if (seenInPlace(normal)) {
                // Mounted at the same path: a class-data archive made with the host's class path then matches the test
                // JVM's.
                inPlace.add(normal);
                return normal;
            }
            if (normal.startsWith(TMP) && !normal.equals(TMP) && readableByTheSandbox(normal)) {
                // A grader unpacked or cloned under /tmp: the private /tmp hides it, so it is mounted there again,
                // read-only, at its own path (for the same reason).
                inPlaceUnderTmp.add(normal);
                return normal;
            }
            // A folder per entry keeps the file name, which JavaCPP needs to find a jar's unpacked libraries.
            return readOnly.computeIfAbsent(normal, path -> ROOT.resolve(String.format(Locale.ROOT, "ro-%02d", readOnly.size()))
                    .resolve(path.getFileName() == null ? "root" : path.getFileName().toString()));
        }

        @Override
        List<String> wrap(List<String> javaCommand) {
            List<String> command = new ArrayList<>();
            command.add(bwrap.toString());
            command.addAll(List.of("--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net", "--unshare-ipc",
                    "--unshare-uts", "--unshare-cgroup-try"));
            if (!root) {
                command.addAll(List.of("--unshare-user", "--uid", "" + SANDBOX_UID, "--gid", "" + SANDBOX_UID));
            }
            command.addAll(systemFolders());
            command.addAll(inPlaceMounts());
            command.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--tmpfs", "/run",
                    "--dir", ROOT.toString(), "--bind", hostScratch.toString(), scratch().toString(),
                    "--bind", hostScratch.resolve("tmp").toString(), "/tmp"));
            command.addAll(readOnlyAtOwnPath(inPlaceUnderTmp, TMP));
            readOnly.forEach((host, inside) -> command.addAll(List.of("--dir", inside.getParent().toString(),
                    "--ro-bind", host.toString(), inside.toString())));
            Path cache = scratch().resolve("native-cache");
            for (Path entry : cacheEntries) {
                command.addAll(List.of("--ro-bind", entry.toString(), cache.resolve(entry.getFileName().toString()).toString()));
            }
            command.addAll(List.of("--chdir", scratch().toString()));
            if (root) {
                command.addAll(List.of("--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"));
            }
            command.add("--");
            if (root) {
                command.addAll(List.of(setpriv.toString(), "--reuid=" + uid.uid(), "--regid=" + uid.uid(),
                        "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--"));
            }
            if (prlimit != null) {
                command.addAll(List.of(prlimit.toString(), "--nproc=" + MAX_PROCESSES,
                        "--fsize=" + ScratchQuota.DEFAULT.maxBytes(), "--data=" + MAX_DATA_BYTES, "--"));
            }
            List<String> options = new ArrayList<>(moduleOptions);
            options.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
            options.add("-Duser.home=" + scratch());
            command.addAll(withJvmOptions(javaCommand, options));
            return command;
        }

        /** The system folders that exist here: links made again, folders mounted read-only. */
        private List<String> systemFolders() {
            List<String> arguments = new ArrayList<>();
            for (Path folder : SYSTEM_FOLDERS) {
                try {
                    if (Files.isSymbolicLink(folder)) {
                        arguments.addAll(List.of("--symlink", Files.readSymbolicLink(folder).toString(), folder.toString()));
                    } else if (Files.isDirectory(folder)) {
                        arguments.addAll(List.of("--ro-bind", folder.toString(), folder.toString()));
                    }
                } catch (IOException ignored) {
                    // A system folder that cannot be read is left out, as on a machine without it.
                }
            }
            return arguments;
        }

        /** The host paths the test JVM reads at their own place, outside the system folders and the replaced folders. */
        private List<String> inPlaceMounts() {
            List<Path> outsideSystem = inPlace.stream().filter(path -> SYSTEM_FOLDERS.stream().noneMatch(path::startsWith))
                    .toList();
            return readOnlyAtOwnPath(outsideSystem, Path.of("/"));
        }

        /** Frees the test JVM's uid for the next sandbox. */
        @Override
        public void close() {
            if (uid != null) {
                uid.close();
            }
        }

        @Override
        void environment(Map<String, String> environment) {
            Map<String, String> kept = new LinkedHashMap<>();
            environment.forEach((name, value) -> {
                if (KEPT_VARIABLES.contains(name) || KEPT_PREFIXES.stream().anyMatch(name::startsWith)) {
                    kept.put(name, value);
                }
            });
            environment.clear();
            environment.putAll(kept);
            environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
            environment.put("HOME", scratch().toString());
            environment.put("TMPDIR", "/tmp");
        }
    }

    /**
     * The bubblewrap arguments that mount each path read-only at its own place below {@code within} (a folder the sandbox
     * already has): the folders between them made first (searchable by everyone: the ones bubblewrap makes on its own
     * for a mount point are not searchable by uid 65534), then the mounts, parents before children. A path inside
     * another one is left out, as it is there already (and no folder can be made in a read-only mount).
     */
    static List<String> readOnlyAtOwnPath(java.util.Collection<Path> paths, Path within) {
        SortedSet<Path> mounted = new TreeSet<>(paths);
        mounted.removeIf(path -> mounted.stream().anyMatch(other -> !other.equals(path) && path.startsWith(other)));
        SortedSet<Path> folders = new TreeSet<>();
        for (Path path : mounted) {
            for (int depth = within.getNameCount() + 1; depth < path.getNameCount(); depth++) {
                folders.add(path.getRoot().resolve(path.subpath(0, depth)));
            }
        }
        List<String> arguments = new ArrayList<>();
        for (Path folder : folders) {
            arguments.addAll(List.of("--dir", folder.toString()));
        }
        for (Path path : mounted) {
            arguments.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        return arguments;
    }

    /**
     * Whether the test JVM sees a host path unchanged: outside the folders the sandbox replaces ({@code /tmp},
     * {@code /run}, {@code /dev}, {@code /proc}) and, when the test JVM runs as uid 65534 of the host, readable by
     * everyone with every folder above it searchable by everyone.
     */
    private boolean seenInPlace(Path path) {
        return REPLACED.stream().noneMatch(path::startsWith) && readableByTheSandbox(path);
    }

    /** Whether the test JVM can read a host path where it is ({@link SandboxVisibility}). */
    private boolean readableByTheSandbox(Path path) {
        return SandboxVisibility.readable(path, root);
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A probe folder left behind is harmless.
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // Same.
        }
    }
}
