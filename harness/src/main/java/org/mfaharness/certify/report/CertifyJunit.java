package org.mfaharness.certify.report;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mfaharness.certify.Certification;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;

/**
 * {@code junit.xml} for a certification: one {@code testsuite} for the plan, one {@code testcase} per module
 * (classname {@code mfa-harness.certify.<plan>}, name = the module). FAIL is a {@code failure} whose type is the
 * requirement id; a module that could not run is {@code skipped}; WARN passes with its message in
 * {@code system-out}.
 */
public final class CertifyJunit {
    private CertifyJunit() {
    }

    public static String render(Certification c) {
        try {
            StringWriter sw = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(sw);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "mfa-harness certify");
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "certify " + c.plan() + " " + c.planVersion() + ": " + clean(c.product()));
            w.writeAttribute("tests", String.valueOf(c.results().size()));
            w.writeAttribute("failures", String.valueOf(c.count(Outcome.FAIL)));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", String.valueOf(c.count(Outcome.NOT_RUN)));
            w.writeAttribute("time", seconds(Duration.between(c.startedAt(), c.finishedAt()).toMillis()));
            w.writeAttribute("timestamp", c.startedAt().toString().replaceFirst("\\.\\d+Z$", "Z").replace("Z", ""));
            for (ModuleResult r : c.results()) {
                String ids = r.requirements().stream().map(Requirement::id).collect(Collectors.joining(" "));
                w.writeCharacters("\n    ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "mfa-harness.certify." + c.plan());
                w.writeAttribute("name", r.name());
                w.writeAttribute("time", "0");
                switch (r.outcome()) {
                    case FAIL -> {
                        w.writeStartElement("failure");
                        w.writeAttribute("type", ids);
                        w.writeAttribute("message", clean(r.message()));
                        w.writeCharacters(clean(r.displayName() + " [" + ids + ", " + r.severity() + "]: " + r.message()));
                        w.writeEndElement();
                    }
                    case NOT_RUN -> {
                        w.writeEmptyElement("skipped");
                        w.writeAttribute("message", clean("could not run: " + r.message()));
                    }
                    case WARN, PASS -> {
                        w.writeStartElement("system-out");
                        w.writeCharacters(clean(r.outcome() + " " + r.displayName() + " [" + ids + "]: " + r.message()));
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return sw.toString() + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** XML 1.0 cannot carry most control characters: replace them. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF) ? cp : '?'));
        return b.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
