package backproplab.grader.export;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Just enough of a pom reader for the tests: modules, properties, managed artifacts, dependency scopes, a few texts. */
record PomXml(Document document) {

    static PomXml parse(String xml) {
        try {
            return new PomXml(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
        } catch (Exception e) {
            throw new AssertionError("Not a well-formed pom: " + e.getMessage() + "\n" + xml, e);
        }
    }

    List<String> modules() {
        return texts("modules", "module");
    }

    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        Element element = child(document.getDocumentElement(), "properties");
        if (element != null) {
            for (Element property : children(element)) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return properties;
    }

    /** groupId:artifactId[:classifier] = version of every dependencyManagement entry. */
    Map<String, String> managedDependencies() {
        Map<String, String> managed = new LinkedHashMap<>();
        Element management = child(child(document.getDocumentElement(), "dependencyManagement"), "dependencies");
        for (Element dependency : children(management)) {
            String key = text(dependency, "groupId") + ":" + text(dependency, "artifactId")
                    + (text(dependency, "classifier").isEmpty() ? "" : ":" + text(dependency, "classifier"));
            managed.put(key, text(dependency, "version"));
        }
        return managed;
    }

    /** artifactId = version of every pluginManagement entry. */
    Map<String, String> managedPlugins() {
        Map<String, String> managed = new LinkedHashMap<>();
        Element plugins = child(child(child(document.getDocumentElement(), "build"), "pluginManagement"), "plugins");
        for (Element plugin : children(plugins)) {
            managed.put(text(plugin, "artifactId"), text(plugin, "version"));
        }
        return managed;
    }

    /** groupId:artifactId = scope ("compile" when none is given) of every dependency of the project itself. */
    Map<String, String> dependencyScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (Element dependency : children(child(document.getDocumentElement(), "dependencies"))) {
            String scope = text(dependency, "scope");
            scopes.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), scope.isEmpty() ? "compile" : scope);
        }
        return scopes;
    }

    List<String> profileIds() {
        return texts("profiles", "profile").isEmpty() ? List.of()
                : children(child(document.getDocumentElement(), "profiles")).stream().map(p -> text(p, "id")).toList();
    }

    String text(String name) {
        return text(document.getDocumentElement(), name);
    }

    private List<String> texts(String container, String name) {
        List<String> texts = new ArrayList<>();
        for (Element element : children(child(document.getDocumentElement(), container))) {
            if (element.getTagName().equals(name)) {
                texts.add(element.getTextContent().trim());
            }
        }
        return texts;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Element element : children(parent)) {
            if (element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    children.add(element);
                }
            }
        }
        return children;
    }
}
