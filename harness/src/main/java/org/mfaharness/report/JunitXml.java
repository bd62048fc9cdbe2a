package org.mfaharness.report;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Severity;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * {@code junit.xml} in the Ant/Surefire format Jenkins, GitLab and Azure DevOps read. A run folder's
 * ({@link #render}): one {@code testsuite} per run (scenario), one {@code testcase} for the run's verdict and one per
 * check. FAIL findings are {@code failure}s with the reason code as type; INCONCLUSIVE are {@code error}s; INFO checks
 * that did not run are {@code skipped}; WARN passes with the message in {@code system-out}. A scenario matrix's
 * ({@link #renderMatrix}): one {@code testsuite}, one {@code testcase} per scenario, a {@code failure} only for a
 * scenario that did not meet its expectation.
 */
public final class JunitXml {
    private JunitXml() {
    }

    /** One scenario's judgement. */
    public record Suite(String name, RunInfo run, ChainJudgement judgement, long millis) {
    }

    /**
     * One scenario of a matrix, for CI: it passes when it met its expectation, whatever its verdict.
     *
     * @param name     the scenario's name
     * @param met      whether it met its expectation
     * @param why      why not: the mismatches (a stopped flow among them), or why it could not run; empty when met
     * @param sentence the verdict sentence, or null when it could not run
     * @param runDir   its run folder, or null when it could not run
     * @param millis   how long it took
     */
    public record ScenarioCase(String name, boolean met, List<String> why, String sentence, java.nio.file.Path runDir,
                               long millis) {
        public ScenarioCase {
            why = List.copyOf(why);
        }
    }

    /** A matrix's {@code junit.xml}: one testsuite named {@code suite}, one testcase per scenario. */
    public static String renderMatrix(String suite, Instant started, List<ScenarioCase> cases) {
        long failures = cases.stream().filter(c -> !c.met()).count();
        long millis = cases.stream().mapToLong(ScenarioCase::millis).sum();
        return document(w -> {
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "mfa-harness");
            w.writeAttribute("tests", String.valueOf(cases.size()));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("time", seconds(millis));
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", clean(suite));
            w.writeAttribute("tests", String.valueOf(cases.size()));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", seconds(millis));
            w.writeAttribute("timestamp", timestamp(started));
            String cls = "mfa-harness." + suite.replaceAll("[^A-Za-z0-9_.-]", "_");
            for (ScenarioCase c : cases) {
                w.writeCharacters("\n    ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", cls);
                w.writeAttribute("name", clean(c.name()));
                w.writeAttribute("time", seconds(c.millis()));
                if (!c.met()) {
                    String message = c.why().isEmpty() ? "did not meet its expectation" : String.join("; ", c.why());
                    w.writeStartElement("failure");
                    w.writeAttribute("type", "EXPECTATION_NOT_MET");
                    w.writeAttribute("message", clean(message));
                    w.writeCharacters(clean(String.join("\n", c.why())));
                    w.writeEndElement();
                }
                String sentence = c.sentence() == null ? "could not run" : c.sentence();
                out(w, sentence + (c.runDir() == null ? "" : "\nrun folder: " + c.runDir()));
                w.writeEndElement();
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }

    public static String render(List<Suite> suites) {
        return document(w -> {
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "mfa-harness");
            for (Suite s : suites) {
                suite(w, s);
            }
            w.writeEndElement();
        });
    }

    /** What a renderer writes between the XML declaration and the end of the document. */
    @FunctionalInterface
    public interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** A UTF-8 XML document: the declaration, {@code body}, and a final newline. */
    public static String document(Body body) {
        try {
            StringWriter sw = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(sw);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
            return sw + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void suite(XMLStreamWriter w, Suite s) throws XMLStreamException {
        ChainJudgement c = s.judgement();
        int tests = 1;
        int failures = c.verdict().name().equals("FAIL") ? 1 : 0;
        int errors = c.verdict().name().equals("INCONCLUSIVE") ? 1 : 0;
        int skipped = 0;
        for (Finding f : all(c)) {
            tests++;
            switch (f.severity()) {
                case FAIL -> failures++;
                case INCONCLUSIVE -> errors++;
                case INFO -> skipped++;
                default -> { }
            }
        }
        w.writeCharacters("\n  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", clean(s.name()));
        w.writeAttribute("tests", String.valueOf(tests));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", String.valueOf(errors));
        w.writeAttribute("skipped", String.valueOf(skipped));
        w.writeAttribute("time", seconds(s.millis()));
        w.writeAttribute("timestamp", timestamp(s.run().startedAt()));
        String cls = "mfa-harness." + s.name().replaceAll("[^A-Za-z0-9_.-]", "_");
        // The scenario as a whole.
        w.writeCharacters("\n    ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", cls);
        w.writeAttribute("name", "verdict");
        w.writeAttribute("time", seconds(s.millis()));
        String sentence = VerdictSentence.of(c);
        String code = c.decisive() == null ? "NONE" : c.decisive().code();
        switch (c.verdict()) {
            case FAIL -> outcome(w, "failure", code, sentence);
            case INCONCLUSIVE -> outcome(w, "error", code, sentence);
            default -> out(w, sentence);
        }
        w.writeEndElement();
        int n = 0;
        for (ArtifactJudgement h : c.hops()) {
            n++;
            String prefix = n + "-" + h.artifact().kind().label() + (h.artifact().origin().captured() ? "@hop" + h.artifact().origin().hop() : "");
            for (Finding f : h.findings()) {
                testcase(w, cls, prefix + "." + f.code(), f);
            }
        }
        for (Finding f : c.findings()) {
            testcase(w, cls, "chain." + f.code(), f);
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }

    private static void testcase(XMLStreamWriter w, String cls, String name, Finding f) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", cls);
        w.writeAttribute("name", name);
        w.writeAttribute("time", "0");
        String detail = f.message() + "\nat " + f.evidence().path() + (f.evidence().value() == null ? "" : " = " + f.evidence().value())
                + (f.evidence().expected() == null ? "" : "\nexpected " + f.evidence().expected())
                + (f.remediation().isEmpty() ? "" : "\nremediation: " + f.remediation()) + "\nsource: " + f.source();
        if (f.severity() == Severity.FAIL) {
            outcome(w, "failure", f.code(), detail);
        } else if (f.severity() == Severity.INCONCLUSIVE) {
            outcome(w, "error", f.code(), detail);
        } else if (f.severity() == Severity.INFO && f.code().equals("NOT_CHECKED")) {
            w.writeStartElement("skipped");
            w.writeAttribute("message", clean(f.message()));
            w.writeEndElement();
        } else {
            out(w, f.severity().name().toLowerCase(Locale.ROOT) + ": " + detail);
        }
        w.writeEndElement();
    }

    private static void outcome(XMLStreamWriter w, String element, String type, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeAttribute("type", type);
        w.writeAttribute("message", clean(text.lines().findFirst().orElse("")));
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    private static void out(XMLStreamWriter w, String text) throws XMLStreamException {
        w.writeStartElement("system-out");
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    /**
     * Text XML 1.0 can carry: every code point outside its Char production (control characters, U+FFFE/U+FFFF, lone
     * surrogates — artifact text might hold any of them) becomes {@code ?}; null becomes "".
     */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF) ? cp : '?'));
        return b.toString();
    }

    /** A JUnit {@code timestamp}: ISO-8601 local form, whole seconds, no zone (as Surefire writes it). */
    public static String timestamp(Instant t) {
        return t.toString().replaceFirst("\\.\\d+Z$", "Z").replace("Z", "");
    }

    private static List<Finding> all(ChainJudgement c) {
        List<Finding> l = new java.util.ArrayList<>();
        c.hops().forEach(h -> l.addAll(h.findings()));
        l.addAll(c.findings());
        return l;
    }

    /** A JUnit {@code time}: seconds with three decimals. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
