package backproplab.grader.report;

import java.util.regex.Pattern;

/** Makes any text safe for XML 1.0: drops terminal colour codes and replaces characters XML forbids. */
final class XmlText {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String stripped = ANSI.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(c -> out.appendCodePoint(allowed(c) ? c : 0xFFFD));
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
