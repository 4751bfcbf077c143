package backproplab.grader.compile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The compile server's JVM ({@link CompileServer}): reads one {@link CompilerProcess.Request} per line of its standard
 * input, handles it exactly as the one-shot javac JVM does ({@link CompilerProcess#handle}) and answers with one
 * {@link CompilerProcess.Result} per line of its standard output, until its input ends.
 *
 * <p>Only the answers go to the standard output: {@code System.out} is pointed at the standard error (the server's
 * log) first, so nothing a library prints can be taken for an answer. A request that throws (out of memory, a stack
 * overflow in javac, an unreadable class file) ends the server as it would end the one-shot JVM: the stack trace
 * goes to the log and the JVM exits with status 1, so no JVM that failed half-way is used again.
 */
public final class CompileServerMain {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CompileServerMain() {
    }

    /**
     * Serves requests until the standard input ends.
     *
     * @param args none
     */
    public static void main(String[] args) {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try (BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                CompilerProcess.Result result = CompilerProcess.handle(JSON.readValue(line, CompilerProcess.Request.class));
                answers.println(JSON.writeValueAsString(result));
                if (answers.checkError()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            System.err.print("Exception in thread \"main\" ");
            e.printStackTrace(System.err);
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }
}
