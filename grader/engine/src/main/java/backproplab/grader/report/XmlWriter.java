package backproplab.grader.report;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, indenting wrapper over the JDK's {@link XMLStreamWriter}: it escapes markup, cleans text with
 * {@link XmlText}, and keeps the output deterministic ({@code \n} line ends, attributes in call order).
 */
final class XmlWriter {

    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter xml;
    private int depth;
    private boolean openHasChildren = true;

    XmlWriter() {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The JDK's XML writer is unavailable", e);
        }
    }

    XmlWriter declaration() {
        return run(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
        });
    }

    XmlWriter doctype(String doctype) {
        return run(() -> {
            xml.writeDTD(doctype);
        });
    }

    /** Opens an element on a new, indented line. */
    XmlWriter open(String name) {
        return run(() -> {
            newLine();
            xml.writeStartElement(name);
            depth++;
            openHasChildren = false;
        });
    }

    /** Opens an element that continues the current line (inline content). */
    XmlWriter openInline(String name) {
        return run(() -> {
            xml.writeStartElement(name);
            depth++;
        });
    }

    XmlWriter attribute(String name, String value) {
        return run(() -> xml.writeAttribute(name, XmlText.clean(value)));
    }

    XmlWriter text(String text) {
        return run(() -> {
            xml.writeCharacters(XmlText.clean(text));
            openHasChildren = true;
        });
    }

    /** An element holding only text, on its own line. */
    XmlWriter element(String name, String text) {
        open(name);
        text(text);
        return closeInline();
    }

    /** An element without content, on its own line, for example {@code <img .../>}. */
    XmlWriter empty(String name, String... attributes) {
        return run(() -> {
            newLine();
            xml.writeEmptyElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], XmlText.clean(attributes[i + 1]));
            }
            openHasChildren = true;
        });
    }

    /** Closes an element whose children were written on their own lines. */
    XmlWriter close() {
        return run(() -> {
            depth--;
            if (openHasChildren) {
                newLine();
            }
            xml.writeEndElement();
            openHasChildren = true;
        });
    }

    /** Closes an element right after its content, on the same line. */
    XmlWriter closeInline() {
        return run(() -> {
            depth--;
            xml.writeEndElement();
            openHasChildren = true;
        });
    }

    String finish() {
        run(() -> {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        });
        return buffer.toString();
    }

    private void newLine() throws XMLStreamException {
        if (depth > 0 || buffer.getBuffer().length() > 0) {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    private XmlWriter run(XmlAction action) {
        try {
            action.run();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface XmlAction {
        void run() throws XMLStreamException;
    }
}
