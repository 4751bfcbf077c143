package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** junit.xml and report.html, parsed back with the JDK's XML parser. */
class MarkupReportersTest {

    static List<SampleReports.Case> cases() {
        return SampleReports.allCases();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    @ParameterizedTest(name = "{0} report")
    @MethodSource("cases")
    @DisplayName("junit.xml is well-formed XML whose counts match its test cases")
    void junitXml(SampleReports.Case sample) throws Exception {
        Document xml = parse(new JUnitXmlReporter().render(sample.report(), sample.run()));
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).as("root element").isEqualTo("testsuites");
        List<Element> cases = elements(xml, "testcase");
        assertThat(Integer.parseInt(root.getAttribute("tests"))).as("tests attribute").isEqualTo(cases.size());
        assertThat(Integer.parseInt(root.getAttribute("failures"))).as("failures attribute")
                .isEqualTo(elements(xml, "failure").size());
        assertThat(Integer.parseInt(root.getAttribute("errors"))).as("errors attribute")
                .isEqualTo(elements(xml, "error").size());
        assertThat(Integer.parseInt(root.getAttribute("skipped"))).as("skipped attribute")
                .isEqualTo(elements(xml, "skipped").size());
        if (sample.run().verdict() instanceof Verdict.DidNotCompile) {
            assertThat(elements(xml, "error")).as("one error for the compilation").hasSize(1);
            assertThat(elements(xml, "error").get(0).getTextContent()).as("compiler's message")
                    .contains("';' expected");
        }
    }

    @Test
    @DisplayName("junit.xml maps statuses to failure, error and skipped, carries points, and cleans control characters")
    void junitXmlDetails() throws Exception {
        String text = new JUnitXmlReporter().render(SampleReports.mixed(), SampleReports.mixedRun());
        Document xml = parse(text);
        assertThat(elements(xml, "failure")).as("2 failed tests + the API mismatch").hasSize(3);
        assertThat(elements(xml, "error")).as("timed out + not run").hasSize(2);
        assertThat(elements(xml, "skipped")).as("aborted + skipped").hasSize(2);
        Element sigmoid = elements(xml, "testcase").stream()
                .filter(e -> e.getAttribute("name").equals("sigmoid matches the reference")).findFirst().orElseThrow();
        String failure = sigmoid.getElementsByTagName("failure").item(0).getTextContent();
        assertThat(failure).as("failure text keeps markup characters").contains("<clip ±500> & \"stable\"");
        assertThat(failure).as("terminal escapes are removed").doesNotContain("\u001B").contains("red");
        assertThat(text).as("no raw bell character in the file").doesNotContain("\u0007");
        assertThat(sigmoid.getElementsByTagName("properties").getLength()).as("no properties inside a test case")
                .isZero();
        List<String> points = new ArrayList<>();
        NodeList properties = ((Element) sigmoid.getParentNode()).getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            points.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
        }
        assertThat(points).as("properties of the failed test, in its suite").contains("test.1.2.points=0.0",
                "test.1.2.max_points=2.0", "test.1.2.status=FAILED", "test.1.2.visibility=visible");
    }

    @ParameterizedTest(name = "{0} report")
    @MethodSource("cases")
    @DisplayName("report.html is well-formed, self-contained and shows the score")
    void html(SampleReports.Case sample) throws Exception {
        String text = new HtmlReporter().render(sample.report(), sample.run());
        Document html = parse(text);
        assertThat(html.getDocumentElement().getTagName()).as("root element").isEqualTo("html");
        assertThat(elements(html, "script")).as("no scripts").isEmpty();
        assertThat(elements(html, "link")).as("no linked resources").isEmpty();
        for (Element img : elements(html, "img")) {
            assertThat(img.getAttribute("src")).as("images are embedded").startsWith("data:image/png;base64,");
        }
        assertThat(text.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", ""))
                .as("nothing is loaded from the network").doesNotContain("http://", "https://");
        assertThat(text).as("the score line").contains(RunSummary.scoreLine(sample.report()));
        if (sample.run().verdict() instanceof Verdict.DidNotCompile) {
            assertThat(text).as("compile errors section").contains("id=\"compile\"").contains("';' expected");
        }
    }

    @Test
    @DisplayName("report.html embeds the attached PNGs, puts messages in <pre> and shows the backend line")
    void htmlDetails() throws Exception {
        String text = new HtmlReporter().render(SampleReports.mixed(), SampleReports.mixedRun());
        Document html = parse(text);
        assertThat(elements(html, "img")).as("the two attached images").hasSize(2);
        assertThat(elements(html, "pre").stream().map(Element::getTextContent))
                .as("messages in <pre>").anyMatch(t -> t.startsWith("[sigmoid(1000)] expected: 1.0 but was: NaN"));
        assertThat(text).as("backend line").contains(SampleReports.BACKEND);
        assertThat(elements(html, "table").size()).as("facts table, the overview, and a table of the tests with full "
                + "marks for activations and for the ungraded tests").isEqualTo(1 + 1 + 2);
    }

    @Test
    @DisplayName("the console table is plain text with the score line last and failure messages indented")
    void console() {
        String text = new ConsoleReporter().render(SampleReports.mixed(), SampleReports.mixedRun());
        assertThat(text).as("no terminal escapes in the console table").doesNotContain("\u001B[3");
        assertThat(text).as("last line").endsWith("Score: 4.0 / 15.0\n");
        assertThat(text).as("failure message indented below its row")
                .contains("\n      Stopped after 10 s, the time limit per test.\n");
        String compile = new ConsoleReporter().render(SampleReports.compileFailure(), SampleReports.compileFailureRun());
        assertThat(compile).as("compile failure console").contains("did not compile").endsWith("Score: 0.0 / 0.0\n");
    }
}
