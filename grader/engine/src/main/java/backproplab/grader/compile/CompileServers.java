package backproplab.grader.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The warm compile servers of a batch ({@link CompileServer}): a request takes an idle server or starts one, so a batch
 * with {@code --jobs N} keeps at most N of them, one per worker at a time. A server that took too long, failed or was
 * killed is never given back; a fresh one takes its place at the next request. A server is also retired after
 * {@link #MAX_REQUESTS} requests, so that nothing a long batch might slowly accumulate in one JVM grows without bound.
 * Single grades do not use this: they keep the one-shot javac JVM ({@link CompilerProcess}).
 */
public final class CompileServers implements AutoCloseable {

    /** Requests one server takes before it is replaced. */
    static final int MAX_REQUESTS = 100;

    private final List<Path> graderClasspath;
    private final Path java;
    private final List<String> flags;
    private final long limitMillis;
    private final Path logs;
    private final Deque<CompileServer> idle = new ArrayDeque<>();
    private final List<CompileServer> all = new ArrayList<>();
    private int started;
    private boolean closed;

    /**
     * Compile servers with the one-shot JVM's time limit per request.
     *
     * @param graderClasspath class path that holds the grader's code and libraries
     * @param java            the {@code java} executable
     * @param flags           JVM options ({@link CompilerJvmTuning#flags})
     * @throws IOException if the folder for the servers' logs cannot be made
     */
    public CompileServers(List<Path> graderClasspath, Path java, List<String> flags) throws IOException {
        this(graderClasspath, java, flags, CompilerProcess.limitMillis());
    }

    /**
     * Compile servers with another time limit per request.
     *
     * @param limitMillis how long a server may take to answer one request before it is killed
     */
    CompileServers(List<Path> graderClasspath, Path java, List<String> flags, long limitMillis) throws IOException {
        this.graderClasspath = List.copyOf(graderClasspath);
        this.java = java;
        this.flags = List.copyOf(flags);
        this.limitMillis = limitMillis;
        this.logs = Files.createTempDirectory("backproplab-compile-servers-");
    }

    /**
     * Compiles one request in an idle server (or a new one) and gives the server back if it can serve again.
     *
     * @param request what to compile
     * @return the result; its CPU time is the server's charged to this request
     * @throws CompilerProcess.KilledFromOutside if the server was killed by a signal from outside the grader
     * @throws IOException if the server took too long, failed or could not start
     */
    CompilerProcess.Result compile(CompilerProcess.Request request) throws IOException {
        CompileServer server = take();
        boolean reusable = false;
        try {
            CompilerProcess.Result result = server.compile(request, limitMillis);
            reusable = true;
            return result;
        } finally {
            giveBack(server, reusable);
        }
    }

    private CompileServer take() throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("The batch's compile servers are closed.");
            }
            while (!idle.isEmpty()) {
                CompileServer server = idle.pop();
                if (server.alive()) {
                    return server;
                }
                // Killed while idle (from outside): it is dropped and a fresh one started.
                all.remove(server);
            }
            started++;
        }
        CompileServer server = CompileServer.start(graderClasspath, java, flags,
                logs.resolve("compile-server-" + started + ".log"));
        synchronized (this) {
            all.add(server);
        }
        return server;
    }

    private void giveBack(CompileServer server, boolean reusable) {
        boolean keep = reusable && server.alive() && server.served() < MAX_REQUESTS;
        synchronized (this) {
            if (keep && !closed) {
                idle.push(server);
                return;
            }
            all.remove(server);
        }
        server.close();
    }

    /** How many servers were started so far. */
    synchronized int started() {
        return started;
    }

    /** The process ids of the servers that are running now. */
    synchronized List<Long> running() {
        return all.stream().filter(CompileServer::alive).map(CompileServer::pid).toList();
    }

    /** Ends every server and deletes their logs. */
    @Override
    public void close() {
        List<CompileServer> servers;
        synchronized (this) {
            closed = true;
            servers = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        servers.forEach(CompileServer::close);
        try (Stream<Path> files = Files.walk(logs)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Logs left in the temporary folder are harmless.
        }
    }
}
