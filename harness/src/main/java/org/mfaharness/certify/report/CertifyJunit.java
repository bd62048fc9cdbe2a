package org.mfaharness.certify.report;

import java.time.Duration;
import java.util.stream.Collectors;
import org.mfaharness.certify.Certification;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.report.JunitXml;

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
        return JunitXml.document(w -> {
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "mfa-harness certify");
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "certify " + c.plan() + " " + c.planVersion() + ": " + JunitXml.clean(c.product()));
            w.writeAttribute("tests", String.valueOf(c.results().size()));
            w.writeAttribute("failures", String.valueOf(c.count(Outcome.FAIL)));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", String.valueOf(c.count(Outcome.NOT_RUN)));
            w.writeAttribute("time", JunitXml.seconds(Duration.between(c.startedAt(), c.finishedAt()).toMillis()));
            w.writeAttribute("timestamp", JunitXml.timestamp(c.startedAt()));
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
                        w.writeAttribute("message", JunitXml.clean(r.message()));
                        w.writeCharacters(JunitXml.clean(r.displayName() + " [" + ids + ", " + r.severity() + "]: " + r.message()));
                        w.writeEndElement();
                    }
                    case NOT_RUN -> {
                        w.writeEmptyElement("skipped");
                        w.writeAttribute("message", JunitXml.clean("could not run: " + r.message()));
                    }
                    case WARN, PASS -> {
                        w.writeStartElement("system-out");
                        w.writeCharacters(JunitXml.clean(r.outcome() + " " + r.displayName() + " [" + ids + "]: " + r.message()));
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }
}
