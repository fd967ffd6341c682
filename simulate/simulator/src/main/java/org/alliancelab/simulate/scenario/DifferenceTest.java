package org.alliancelab.simulate.scenario;

/** How the adjusted-versus-unadjusted difference of pooled correlations is tested. */
public enum DifferenceTest {
    /**
     * Two independent pooled estimates compared by a subgroup Wald test (Q-between with one
     * degree of freedom), as syntheses usually compare them.
     */
    SUBGROUP,
    /**
     * Within-study differences {@code z(partial r) - z(r)} pooled by random effects, with
     * variance {@code v_adj + v_unadj - 2 rho sqrt(v_adj v_unadj)} where rho is the study's
     * {@link org.alliancelab.simulate.model.SimulatedStudy#pairedCorrelation()}.
     */
    PAIRED
}
