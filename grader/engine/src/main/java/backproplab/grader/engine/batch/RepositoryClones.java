package backproplab.grader.engine.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Clones student repositories for a batch with {@code git clone --depth 1}, each into {@code <folder>/<id>} (a clone
 * left there by an earlier run is replaced, so the newest commit is graded). A repository that cannot be cloned becomes
 * an entry with a problem ({@link BatchEntry#problem()}), which the batch records as not gradable, with git's reason.
 * Git never asks for a password ({@code GIT_TERMINAL_PROMPT=0}) and a clone is stopped after {@link #TIMEOUT_SECONDS}.
 */
public final class RepositoryClones {

    /** How long one clone may take. */
    public static final long TIMEOUT_SECONDS = 300;

    private static final int MAX_REASON = 2000;

    private RepositoryClones() {
    }

    /**
     * The entries of a list of repositories, not yet cloned: {@code <folder>/<id>} each.
     *
     * @param repositories the list
     * @param folder       where the clones go
     * @return one entry per repository
     */
    public static List<BatchEntry> entries(List<RepositoryList.Repository> repositories, Path folder) {
        return repositories.stream().map(r -> new BatchEntry(r.id(), folder.resolve(r.id()))).toList();
    }

    /**
     * Clones the repositories of these entries.
     *
     * @param entries the entries to clone, from {@link #entries}
     * @param urls    each id's url
     * @return the same entries, those whose clone failed with the reason as their problem
     * @throws IOException if the clone folder cannot be made
     */
    public static List<BatchEntry> cloneAll(List<BatchEntry> entries, Map<String, String> urls) throws IOException {
        List<BatchEntry> cloned = new ArrayList<>();
        for (BatchEntry entry : entries) {
            Files.createDirectories(entry.path().toAbsolutePath().getParent());
            String problem = cloneOne(urls.get(entry.id()), entry.path());
            cloned.add(problem.isEmpty() ? entry : entry.withProblem(problem));
        }
        return cloned;
    }

    /** Clones one repository; the reason it failed, or {@code ""}. */
    static String cloneOne(String url, Path target) {
        String failed = "The repository " + url + " could not be cloned";
        try {
            Folders.deleteQuietly(target);
            Path log = Files.createTempFile("backproplab-clone-", ".log");
            try {
                ProcessBuilder git = new ProcessBuilder("git", "clone", "--depth", "1", "--quiet", "--", url,
                        target.toAbsolutePath().toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
                git.environment().put("GIT_TERMINAL_PROMPT", "0");
                git.environment().put("GIT_ASKPASS", "true");
                Process process = git.start();
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    Folders.deleteQuietly(target);
                    return failed + ": git clone took longer than " + TIMEOUT_SECONDS + " s.";
                }
                if (process.exitValue() != 0) {
                    Folders.deleteQuietly(target);
                    String said = Files.readString(log, StandardCharsets.UTF_8).strip();
                    said = said.length() > MAX_REASON ? said.substring(0, MAX_REASON) + " ..." : said;
                    return failed + " (git clone exit code " + process.exitValue() + ")"
                            + (said.isEmpty() ? "." : ": " + said.replace('\n', ' '));
                }
                return "";
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return failed + ": git could not be run (" + e.getMessage() + "). Is git installed?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Folders.deleteQuietly(target);
            return failed + ": interrupted.";
        }
    }
}
