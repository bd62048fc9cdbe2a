package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mfaharness.fuzz.gen.Property;
import org.mfaharness.verify.Verdict;

/**
 * The fuzz properties can fail: a false invariant over the engine (an unverified input PASSes) is reported on the
 * first try with the property, the seed, the try seed and the input, and with the assertion that failed as cause.
 */
class PropertiesCanFailTest {

    @Test
    void aFalseInvariantOverTheEngineIsReportedWithItsSeedAndInput() {
        assertThatThrownBy(() -> Property.tries(200).seed(20261299).forAll(Inputs.wordSoup(10),
                text -> assertThat(Engine.judge(text, Engine.UNTRUSTED).verdict()).as("verdict").isEqualTo(Verdict.PASS)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property PropertiesCanFailTest#aFalseInvariantOverTheEngineIsReportedWithItsSeedAndInput"
                        + " failed on try 1 of 200")
                .hasMessageContaining("seed: 20261299, try seed: 0x")
                .hasMessageContaining("arg 1: \"")
                .cause().isInstanceOf(AssertionError.class).hasMessageContaining("[verdict]");
    }
}
