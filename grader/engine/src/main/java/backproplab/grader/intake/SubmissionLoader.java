package backproplab.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the Java sources of a submission, which may be:
 * <ul>
 *   <li>a source root: a folder of packages, like {@code exercises/src/main/java};</li>
 *   <li>a module folder that contains {@code src/main/java};</li>
 *   <li>a repository (a student's clone of the starter) that contains {@code exercises/src/main/java}, beside its
 *       pom, wrapper and docs;</li>
 *   <li>a zip of any of these, possibly wrapped in one top-level folder.</li>
 * </ul>
 * Only {@code .java} files under the source root are taken (tests under {@code src/test} are not), a source
 * tree with symbolic links in it (or on the way to it) is refused with a message, since a link would make the
 * grader read files from elsewhere on the machine, and the {@link SubmissionLimits} cap their number and size.
 */
public final class SubmissionLoader {

    private static final int MAX_WRAPPER_DEPTH = 3;
    /** The module of the starter repository that holds the student's code. */
    private static final String EXERCISES_MODULE = "exercises";

    private final SubmissionLimits limits;

    /** @param limits caps on the submission's size */
    public SubmissionLoader(SubmissionLimits limits) {
        this.limits = limits;
    }

    /**
     * Loads a submission.
     *
     * @param submission a folder or a zip file
     * @param workDir    an empty folder this loader may write to (zips are unpacked there)
     * @return the sources to compile
     * @throws SubmissionRejectedException if there is nothing to compile or a limit is exceeded
     * @throws IOException                 if the files cannot be read
     */
    public LoadedSubmission load(Path submission, Path workDir) throws SubmissionRejectedException, IOException {
        if (!Files.exists(submission)) {
            throw new SubmissionRejectedException("The submission " + submission + " does not exist.");
        }
        if (Files.isDirectory(submission)) {
            return fromFolder(submission, submission, "folder");
        }
        if (isZip(submission)) {
            Path unzipped = workDir.resolve("unzipped");
            new SafeZipExtractor(limits).extract(submission, unzipped);
            return fromFolder(unzipped, unzipped, "zip");
        }
        throw new SubmissionRejectedException("The submission " + submission.getFileName()
                + " is neither a folder nor a zip. Submit your source folder (src/main/java), your module folder, or a zip of either.");
    }

    private LoadedSubmission fromFolder(Path displayRoot, Path folder, String form)
            throws SubmissionRejectedException, IOException {
        Path current = folder;
        for (int depth = 0; depth <= MAX_WRAPPER_DEPTH; depth++) {
            Path moduleSources = current.resolve("src").resolve("main").resolve("java");
            if (Files.isDirectory(moduleSources, LinkOption.NOFOLLOW_LINKS)) {
                return collect(displayRoot, moduleSources, form + " (module folder)");
            }
            Path repositorySources = current.resolve(EXERCISES_MODULE).resolve("src").resolve("main").resolve("java");
            if (Files.isDirectory(repositorySources, LinkOption.NOFOLLOW_LINKS)) {
                return collect(displayRoot, repositorySources, form + " (repository)");
            }
            Path wrapped = singleWrappedFolder(current);
            if (wrapped == null) {
                break;
            }
            current = wrapped;
        }
        return collect(displayRoot, current, form + " (source folder)");
    }

    /** The only sub-folder of a folder that holds nothing else of interest (a zip's top-level folder). */
    private static Path singleWrappedFolder(Path folder) throws IOException {
        List<Path> folders = new ArrayList<>();
        boolean hasJava = false;
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || name.equals("__MACOSX")) {
                    continue;
                }
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(child);
                } else if (name.endsWith(".java")) {
                    hasJava = true;
                }
            }
        }
        if (hasJava || folders.size() != 1) {
            return null;
        }
        String name = folders.get(0).getFileName().toString();
        // A package folder such as backproplab/ is the source root's content, not a wrapper.
        return name.equals("backproplab") ? null : folders.get(0);
    }

    private LoadedSubmission collect(Path displayRoot, Path sourceRoot, String form)
            throws SubmissionRejectedException, IOException {
        List<Path> sources = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Path step = sourceRoot; step != null && step.startsWith(displayRoot) && !step.equals(displayRoot);
             step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                links.add(displayRoot.relativize(step).toString());
            }
        }
        long bytes = 0;
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isSymbolicLink(file) && !file.equals(sourceRoot)) {
                    links.add(displayRoot.relativize(file).toString());
                    continue;
                }
                if (!file.getFileName().toString().endsWith(".java") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || file.toString().contains("__MACOSX")) {
                    continue;
                }
                sources.add(file);
                bytes += Files.size(file);
                if (sources.size() > limits.maxSourceFiles()) {
                    throw new SubmissionRejectedException("The submission has more than " + limits.maxSourceFiles()
                            + " .java files. Submit only your exercise sources.");
                }
                if (bytes > limits.maxSourceBytes()) {
                    throw new SubmissionRejectedException("The submission's .java files add up to more than "
                            + (limits.maxSourceBytes() >> 20) + " MB. Submit only your exercise sources.");
                }
            }
        }
        if (!links.isEmpty()) {
            throw new SubmissionRejectedException("The submission holds symbolic links, which the grader does not "
                    + "follow: " + String.join(", ", links.subList(0, Math.min(5, links.size())))
                    + (links.size() > 5 ? " and " + (links.size() - 5) + " more" : "") + ". Only files that are in "
                    + "the submission itself are graded, never files a link points to elsewhere. Replace each link by "
                    + "a copy of its file (for example `cp -L link copy`, or zip with `zip -r` without -y), then submit "
                    + "again.");
        }
        if (sources.isEmpty()) {
            throw new SubmissionRejectedException("No .java file was found in the submission. Submit your source folder "
                    + "(the folder that contains backproplab/...), your module folder (with src/main/java), or a zip of either.");
        }
        return new LoadedSubmission(displayRoot, sourceRoot, sources, form);
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5) ;
        }
    }
}
