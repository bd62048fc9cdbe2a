package org.mfaharness.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.module.FindingsModule;
import org.mfaharness.certify.plan.Plans;
import org.mfaharness.certify.module.MetadataSigningKeyIsStrong;
import org.mfaharness.certify.module.Fed;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.Severity;

/** The plans' shape: named modules with requirements and sources, severities the plan chose, one owner per fault code. */
class PlanStructureTest {
    @Test
    void everyModuleIsNamedForItsClassAndCarriesRequirementsWithSources() {
        for (TestPlan p : Plans.ALL) {
            Set<String> names = new HashSet<>();
            for (PlanEntry e : p.entries()) {
                TestModule m = e.module();
                assertThat(names.add(m.name())).as(p.name() + ": " + m.name() + " twice").isTrue();
                assertThat(m.name()).isEqualTo(m.getClass().getSimpleName());
                assertThat(m.displayName()).isNotBlank();
                assertThat(m.summary()).as(m.name()).startsWith("Passes");
                assertThat(m.requirements()).as(m.name()).isNotEmpty();
                for (Requirement r : m.requirements()) {
                    assertThat(r.id()).matches("(SPEC|BP|WSFED|SAML|OIDC)-[A-Za-z0-9.-]+");
                    assertThat(r.source()).as(r.id()).matches("https://.+|docs/spec/mfa-claims\\.md#.+");
                }
                assertThat(e.severity()).isIn(Severity.FAIL, Severity.WARN);
                if (m.requirements().get(0).id().startsWith("BP-")) {
                    assertThat(e.severity()).as(m.name() + " is best practice").isEqualTo(Severity.WARN);
                }
            }
            assertThat(p.version()).matches("\\d+\\.\\d+");
        }
    }

    @Test
    void eachFaultCodeIsOwnedByOneModuleOfAPlanSoOneFaultFailsOneModule() {
        for (TestPlan p : Plans.ALL) {
            Map<String, String> owner = new HashMap<>();
            for (PlanEntry e : p.entries()) {
                if (e.module() instanceof FindingsModule f) {
                    for (String code : f.failureCodes()) {
                        assertThat(ReasonCode.valueOf(code)).isNotNull();
                        String before = owner.put(code, f.name());
                        assertThat(before).as(p.name() + ": " + code + " owned by " + before + " and " + f.name()).isNull();
                    }
                }
            }
        }
    }

    @Test
    void thePlanChoosesTheSeverity() {
        PlanEntry warn = new PlanEntry(new MetadataSigningKeyIsStrong(), Severity.WARN);
        assertThat(warn.apply(ModuleVerdict.fail("SHA-1", List.of())).outcome()).isEqualTo(Outcome.WARN);
        PlanEntry fail = new PlanEntry(new MetadataSigningKeyIsStrong(), Severity.FAIL);
        assertThat(fail.apply(ModuleVerdict.fail("SHA-1", List.of())).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(fail.apply(ModuleVerdict.warn("weak", List.of())).outcome()).isEqualTo(Outcome.WARN);
        assertThat(fail.apply(ModuleVerdict.notRun("no sign-in")).outcome()).isEqualTo(Outcome.NOT_RUN);
        assertThatThrownBy(() -> new PlanEntry(new MetadataSigningKeyIsStrong(), Severity.PASS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOverallLineIsTheWorstOutcome() {
        assertThat(Overall.of(List.of(result(Outcome.PASS)))).isEqualTo(Overall.CONFORMANT);
        assertThat(Overall.of(List.of(result(Outcome.PASS), result(Outcome.WARN)))).isEqualTo(Overall.CONFORMANT_WITH_WARNINGS);
        assertThat(Overall.of(List.of(result(Outcome.WARN), result(Outcome.NOT_RUN)))).isEqualTo(Overall.INCOMPLETE);
        assertThat(Overall.of(List.of(result(Outcome.NOT_RUN), result(Outcome.FAIL)))).isEqualTo(Overall.NOT_CONFORMANT);
        assertThat(Overall.CONFORMANT_WITH_WARNINGS.certified()).isTrue();
        assertThat(Overall.INCOMPLETE.certified()).isFalse();
    }

    static ModuleResult result(Outcome o) {
        return new ModuleResult("M", "m", "Passes.", List.of(Requirements.BP_SHA256), Severity.FAIL, o, "x", List.of());
    }
}
