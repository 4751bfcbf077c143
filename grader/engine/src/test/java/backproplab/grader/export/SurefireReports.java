package backproplab.grader.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The test cases of Surefire's XML reports ({@code target/surefire-reports/TEST-*.xml}) under a folder. */
final class SurefireReports {

    /** How a test case ended. */
    enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    /**
     * One test case.
     *
     * @param report    the report file it came from
     * @param className the test class
     * @param name      the test name
     * @param outcome   how it ended
     * @param message   the failure's or error's message ("" when it passed)
     * @param type      the exception type of a failure or error
     */
    record TestCase(Path report, String className, String name, Outcome outcome, String message, String type) {
        /** The test class named by the report file (classname may be a display name). */
        String reportClass() {
            String file = report.getFileName().toString();
            return file.substring("TEST-".length(), file.length() - ".xml".length());
        }

        boolean failed() {
            return outcome == Outcome.FAILURE || outcome == Outcome.ERROR;
        }

        @Override
        public String toString() {
            return className + " > " + name + ": " + outcome + (failed() ? " (" + type + ") " + message : "");
        }
    }

    private SurefireReports() {
    }

    /** Every test case in every TEST-*.xml below {@code root}. */
    static List<TestCase> read(Path root) {
        List<TestCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path report : files.filter(p -> p.getFileName().toString().startsWith("TEST-")
                    && p.toString().endsWith(".xml") && p.getParent().getFileName().toString().equals("surefire-reports"))
                    .sorted().toList()) {
                cases.addAll(parse(report));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reports under " + root, e);
        }
        return cases;
    }

    private static List<TestCase> parse(Path report) {
        Document xml;
        try {
            xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        } catch (Exception e) {
            throw new AssertionError("Surefire report " + report + " is not well-formed XML: " + e.getMessage(), e);
        }
        List<TestCase> cases = new ArrayList<>();
        NodeList testCases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < testCases.getLength(); i++) {
            Element testCase = (Element) testCases.item(i);
            Outcome outcome = Outcome.PASSED;
            String message = "";
            String type = "";
            for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    switch (element.getTagName()) {
                        case "failure", "error" -> {
                            outcome = element.getTagName().equals("failure") ? Outcome.FAILURE : Outcome.ERROR;
                            message = element.getAttribute("message");
                            type = element.getAttribute("type");
                        }
                        case "skipped" -> outcome = Outcome.SKIPPED;
                        default -> { }
                    }
                }
            }
            cases.add(new TestCase(report, testCase.getAttribute("classname"), testCase.getAttribute("name"), outcome,
                    message, type));
        }
        return cases;
    }
}
