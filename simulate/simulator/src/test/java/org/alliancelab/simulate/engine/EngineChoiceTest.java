package org.alliancelab.simulate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Each engine says what it supports; the default is chosen from that, never from an exception. */
class EngineChoiceTest {

    @Test
    void defaultIsSufficientUnlessAConditionNeedsPatients() {
        for (String name : new String[] {"causal", "null-confounded", "null-unmeasured", "reverse-causation",
            "mediator", "fluckiger2018", "fluckiger2018-null"}) {
            assertEquals(Engine.SUFFICIENT, Engine.defaultFor(Scenario.resolve(name)), name);
        }
        assertEquals(Engine.PATIENT, Engine.defaultFor(Scenario.resolve("dropout")));
    }

    @Test
    void theReasonNamesTheFieldAndWhatToUse() {
        Optional<Engine.Unsupported> u = Engine.SUFFICIENT.unsupported(Scenario.resolve("dropout"));
        assertEquals("/design/dropout", u.orElseThrow().pointer());
        assertTrue(u.get().reason().contains("use the patient engine"));
        assertTrue(Engine.PATIENT.unsupported(Scenario.resolve("dropout")).isEmpty());
    }

    /** supports() agrees with whether the engine can actually simulate each built-in condition. */
    @Test
    void whatAnEngineSaysItSupportsItCanRun() {
        for (String name : new String[] {"causal", "dropout", "mediator", "fluckiger2018"}) {
            for (Condition c : Scenario.resolve(name).conditions()) {
                for (Engine e : Engine.values()) {
                    if (e.unsupported(c).isPresent()) {
                        ScenarioException x = assertThrows(ScenarioException.class, () -> e.simulator(c));
                        assertTrue(x.getMessage().contains(e.unsupported(c).get().pointer()), x.getMessage());
                    } else {
                        int k = e.simulator(c).simulateInPlace(RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
                        assertTrue(k >= 0, name + " " + e);
                    }
                }
            }
        }
    }

    @Test
    void keysAreTheNamesInTheOutputFiles() {
        assertEquals("sufficient", Engine.SUFFICIENT.key());
        assertEquals(Engine.PATIENT, Engine.ofKey("Patient"));
        assertThrows(IllegalArgumentException.class, () -> Engine.ofKey("gpu"));
    }
}
