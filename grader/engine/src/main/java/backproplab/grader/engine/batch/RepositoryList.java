package backproplab.grader.engine.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The student repositories of {@code batch --repos <file>}: one {@code id url} per line (white space between them),
 * blank lines and lines starting with {@code #} skipped. The id names the student's folder and gradebook row, so it
 * must be a plain file name ({@code [A-Za-z0-9_-][A-Za-z0-9._-]*}); the url is anything {@code git clone} takes.
 */
public final class RepositoryList {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    /**
     * One student's repository.
     *
     * @param id  the student id
     * @param url where to clone it from
     */
    public record Repository(String id, String url) {
    }

    private RepositoryList() {
    }

    /**
     * Reads a list.
     *
     * @param file the list, UTF-8
     * @return the repositories, in the order of the file
     * @throws IOException if the file cannot be read, or a line is not {@code id url}, an id is not a plain file name
     *                     or appears twice (the message names the line)
     */
    public static List<Repository> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a list's text.
     *
     * @param text   the lines
     * @param source the list's name, for messages
     * @return the repositories, in the order of the lines
     * @throws IOException as {@link #read(Path)}
     */
    static List<Repository> parse(String text, String source) throws IOException {
        List<Repository> repositories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            String where = source + " line " + (i + 1) + " (\"" + line + "\")";
            if (fields.length != 2) {
                throw new IOException(where + ": expected a student id and a repository url, separated by a space.");
            }
            if (!ID.matcher(fields[0]).matches()) {
                throw new IOException(where + ": the id \"" + fields[0] + "\" must be a plain folder name (letters, digits, "
                        + "'.', '_' or '-', not starting with '.').");
            }
            if (!ids.add(fields[0])) {
                throw new IOException(where + ": the id \"" + fields[0] + "\" is listed twice.");
            }
            repositories.add(new Repository(fields[0], fields[1]));
        }
        return repositories;
    }
}
