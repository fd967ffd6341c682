package org.alliancelab.simulate.scenario;

/** How the pooled within-study difference of the paired comparison is tested. */
public enum PairedInference {
    /**
     * Cluster-robust: the CR2 sandwich variance with Satterthwaite degrees of freedom, one
     * cluster per study (Tipton 2015, doi:10.1037/met0000011; Pustejovsky &amp; Tipton 2018,
     * doi:10.1080/07350015.2016.1247004). Valid whatever the working correlation. Scenario value
     * {@code "CR2"} (the default).
     */
    CR2,
    /**
     * Model-based: the pooling model's own standard error and test, valid only when the working
     * correlation is right. Scenario value {@code "model"}.
     */
    MODEL
}
