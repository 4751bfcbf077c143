package backproplab.demos;

/** Hostile corpus (demos-class): a class added to the given demos package, which may write files. */
public final class Helper {
    private Helper() {
    }

    public static void plant() {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/backproplab-hostile-demos-class"), "planted");
        } catch (Exception ignored) { }
    }
}
