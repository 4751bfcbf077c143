package backproplab.grader.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Maven Surefire's test-report schemas, as Apache Maven Surefire publishes them (Apache License 2.0, header kept in
 * the files): {@code surefire-test-report-3.0.xsd} (schema version 3.0, the file of that name from
 * github.com/apache/maven-surefire, commit 14e8e1acd, {@code maven-surefire-plugin/src/site/resources/xsd/}) and
 * {@code surefire-test-report.xsd} (version 3.0.2, the same schema made the default in 2023 and relaxed since).
 * Both live in {@code src/test/resources/surefire/}.
 *
 * <p>The schemas describe one {@code <testsuite>} per document; {@link #problems(String)} checks every
 * {@code <testsuite>} of a {@code junit.xml} as a document of its own (see {@link JUnitXmlReporter} for why the file
 * has a {@code <testsuites>} root).
 */
public final class SurefireSchema {

    /** The schema files, oldest first. */
    public static final List<String> FILES = List.of("surefire-test-report-3.0.xsd", "surefire-test-report.xsd");

    private SurefireSchema() {
    }

    /**
     * What the schemas object to in a {@code junit.xml}.
     *
     * @param junitXml the file's text
     * @return one line per problem, naming the schema file, the suite and the error; empty when every suite is valid
     *         against every schema
     */
    public static List<String> problems(String junitXml) {
        try {
            Document document = parse(junitXml);
            List<String> problems = new ArrayList<>();
            Element root = document.getDocumentElement();
            if (!root.getTagName().equals("testsuites")) {
                problems.add("the root element is <" + root.getTagName() + ">, not <testsuites>");
            }
            NodeList suites = root.getElementsByTagName("testsuite");
            for (String file : FILES) {
                Schema schema = schema(file);
                for (int i = 0; i < suites.getLength(); i++) {
                    Element suite = (Element) suites.item(i);
                    Document alone = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
                    alone.appendChild(alone.importNode(suite, true));
                    Validator validator = schema.newValidator();
                    try {
                        validator.validate(new DOMSource(alone));
                    } catch (SAXException e) {
                        problems.add(file + ", suite \"" + suite.getAttribute("name") + "\": " + e.getMessage());
                    }
                }
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | ParserConfigurationException e) {
            return List.of("not well-formed XML: " + e.getMessage());
        }
    }

    private static Schema schema(String file) throws SAXException {
        URL url = Objects.requireNonNull(SurefireSchema.class.getResource("/surefire/" + file), file);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(url);
    }

    private static Document parse(String xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
