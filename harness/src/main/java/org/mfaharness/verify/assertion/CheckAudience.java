package org.mfaharness.verify.assertion;

import java.util.List;
import java.util.stream.Collectors;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.artifact.saml.SamlConditions;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;

/**
 * The assertion's audience restriction names the audience Entra expects ({@code urn:federation:MicrosoftOnline},
 * or {@code --audience}), compared exactly after xs:anyURI whitespace collapsing. Source: spec (a) 3, (b) 2.
 */
public final class CheckAudience implements Check<SamlAssertion> {
    private final AssertionCodes codes;

    public CheckAudience(AssertionCodes codes) {
        this.codes = codes;
    }

    @Override
    public void evaluate(SamlAssertion a, JudgeContext ctx, Findings out) {
        String expected = ctx.options().expectedAudience();
        List<String> audiences = a.conditions().map(SamlConditions::audiences).orElse(List.of())
                .stream().map(Dom::collapse).collect(Collectors.toList());
        String path = a.conditions().map(SamlConditions::path).orElse(a.path() + "/Conditions") + "/Audience";
        if (audiences.contains(expected)) {
            out.add(codes.audienceOk(), "The audience is " + expected + ".", Evidence.expected(path, expected, expected));
        } else if (audiences.isEmpty()) {
            out.add(codes.audienceMismatch(), "The assertion has no audience restriction; Entra expects " + expected + ".",
                    Evidence.expected(path, null, expected));
        } else {
            out.add(codes.audienceMismatch(), "The audience is " + String.join(", ", audiences)
                    + ", not " + expected + ": this assertion was issued for another relying party.",
                    Evidence.expected(path, String.join(" ", audiences), expected));
        }
    }
}
