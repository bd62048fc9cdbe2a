package org.mfaharness.verify.assertion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.artifact.saml.SamlConditions;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;

/**
 * The evaluation time ({@code --at}) is inside the assertion's validity window — Conditions NotBefore /
 * NotOnOrAfter and, for SAML 2.0, the bearer SubjectConfirmationData NotOnOrAfter — allowing the clock skew.
 * Source: spec (a) 3.
 */
public final class CheckValidityWindow implements Check<SamlAssertion> {
    private final AssertionCodes codes;

    public CheckValidityWindow(AssertionCodes codes) {
        this.codes = codes;
    }

    @Override
    public void evaluate(SamlAssertion a, JudgeContext ctx, Findings out) {
        Instant at = ctx.at();
        Duration skew = ctx.options().clockSkew();
        SamlConditions c = a.conditions().orElse(null);
        String condPath = c == null ? a.path() + "/Conditions" : c.path();
        if (c != null && c.notBefore() != null) {
            Instant nb = XmlTime.parse(c.notBefore());
            if (nb == null) {
                out.add(codes.notYetValid(), "NotBefore '" + c.notBefore() + "' is not a valid xs:dateTime.",
                        Evidence.at(condPath + "/@NotBefore", c.notBefore()));
                return;
            }
            if (ctx.notYet(nb)) {
                out.add(codes.notYetValid(), "The assertion is valid only from " + nb + "; the evaluation time is " + at
                        + " (skew " + skew.toMinutes() + " min).", Evidence.expected(condPath + "/@NotBefore", c.notBefore(), at.toString()));
                return;
            }
        }
        List<String[]> ends = new ArrayList<>();
        if (c != null && c.notOnOrAfter() != null) {
            ends.add(new String[] {condPath + "/@NotOnOrAfter", c.notOnOrAfter()});
        }
        if (a instanceof Saml2Assertion s2) {
            for (Saml2Assertion.SubjectConfirmation sc : s2.subjectConfirmations()) {
                if (sc.notOnOrAfter() != null) {
                    ends.add(new String[] {sc.path() + "/@NotOnOrAfter", sc.notOnOrAfter()});
                }
            }
        }
        for (String[] end : ends) {
            Instant noa = XmlTime.parse(end[1]);
            if (noa == null) {
                out.add(codes.expired(), "NotOnOrAfter '" + end[1] + "' is not a valid xs:dateTime.", Evidence.at(end[0], end[1]));
                return;
            }
            if (ctx.over(noa)) {
                out.add(codes.expired(), "The assertion expired at " + noa + "; the evaluation time is " + at
                        + " (skew " + skew.toMinutes() + " min). Judge old captures with --at.",
                        Evidence.expected(end[0], end[1], at.toString()));
                return;
            }
        }
        if (ends.isEmpty() && (c == null || c.notBefore() == null)) {
            out.add(codes.timeOk(), "The assertion states no validity window (no NotBefore/NotOnOrAfter).",
                    Evidence.at(condPath, null));
        } else {
            out.add(codes.timeOk(), "The assertion is valid at " + at + ".",
                    Evidence.at(condPath, (c == null ? "" : c.notBefore() + " .. " + c.notOnOrAfter())));
        }
    }
}
