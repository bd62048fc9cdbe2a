package org.mfaharness.verify.saml2;

import java.util.stream.Collectors;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * A bearer SubjectConfirmationData@Recipient is the cloud's login.srf (public cloud:
 * {@code https://login.microsoftonline.com/login.srf}). Source: spec (b) 2.
 */
public final class CheckRecipient implements Check<Saml2Assertion> {
    @Override
    public void evaluate(Saml2Assertion a, JudgeContext ctx, Findings out) {
        String expected = ctx.options().cloud().loginSrf();
        boolean ok = a.subjectConfirmations().stream().anyMatch(sc -> expected.equals(Dom.collapse(sc.recipient())));
        if (ok) {
            return;
        }
        String seen = a.subjectConfirmations().stream().map(Saml2Assertion.SubjectConfirmation::recipient)
                .map(String::valueOf).collect(Collectors.joining(", "));
        String path = a.subjectConfirmations().isEmpty() ? a.path() + "/Subject/SubjectConfirmation"
                : a.subjectConfirmations().get(0).path() + "/@Recipient";
        out.add(ReasonCode.S2_RECIPIENT_MISMATCH, "The Recipient is " + (seen.isEmpty() ? "absent" : seen)
                + "; Entra (" + ctx.options().cloud().name() + " cloud) expects " + expected + ".",
                Evidence.expected(path, seen.isEmpty() ? null : seen, expected));
    }
}
