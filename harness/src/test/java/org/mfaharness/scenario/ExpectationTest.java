package org.mfaharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.testing.Judging;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;

/** A token flow that stopped early meets no expectation, except one naming the AADSTS code it stopped with. */
class ExpectationTest {
    static final ChainJudgement NOTHING_CAPTURED = new ChainJudge(JudgeOptions.defaults()).judge(List.of());
    static final ChainJudgement AADSTS50079 = Judging.judge(
            "AADSTS50079: Due to a configuration change made by your administrator, you must use multi-factor authentication.",
            JudgeOptions.defaults());

    static Expectation expecting(Integer aadsts) {
        return new Expectation(null, null, null, List.of(), aadsts);
    }

    @Test
    void aScenarioWithoutExpectWhoseFlowFailedIsNotMetAndSaysWhy() {
        assertThat(Expectation.none().mismatches(NOTHING_CAPTURED, "steps[0] (wait-for #never) did not show within 1 s"))
                .containsExactly("the flow failed: steps[0] (wait-for #never) did not show within 1 s");
    }

    @Test
    void aScenarioWithoutExpectWhoseFlowFinishedIsMet() {
        assertThat(Expectation.none().mismatches(NOTHING_CAPTURED, null)).isEmpty();
    }

    @Test
    void aFlowThatStoppedWithTheExpectedAadstsCodeMeetsTheExpectation() {
        assertThat(expecting(50079).mismatches(AADSTS50079, "Entra answered AADSTS50079 at https://login.lab.test/login.srf"))
                .isEmpty();
    }

    @Test
    void aFlowThatStoppedForAnotherReasonDoesNotMeetAnAadstsExpectation() {
        assertThat(expecting(50079).mismatches(AADSTS50079, "the sign-in did not finish within 150 s"))
                .containsExactly("the flow failed: the sign-in did not finish within 150 s");
        assertThat(expecting(50079).mismatches(AADSTS50079, "Entra answered AADSTS500790 at https://login.lab.test/"))
                .as("another code that starts with the same digits").hasSize(1);
        assertThat(expecting(50076).mismatches(AADSTS50079, "Entra answered AADSTS50079 at https://login.lab.test/"))
                .containsExactly("the flow failed: Entra answered AADSTS50079 at https://login.lab.test/", "AADSTS50076 not seen");
    }
}
