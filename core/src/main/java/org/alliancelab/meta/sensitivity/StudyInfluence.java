package org.alliancelab.meta.sensitivity;

/**
 * Influence diagnostics of one study, as metafor's {@code influence.rma.uni} for a model without
 * moderators. With &mu;&#x0302;, its variance V (times s<sup>2</sup> under Knapp-Hartung) and
 * w<sub>i</sub> = 1/(v<sub>i</sub> + &tau;&#x0302;<sup>2</sup>) from the full fit, and
 * &mu;&#x0302;<sub>(-i)</sub>, V<sub>(-i)</sub>, &tau;&#x0302;<sup>2</sup><sub>(-i)</sub>,
 * s<sup>2</sup><sub>(-i)</sub> (1 for z tests) from the fit without study i:
 *
 * @param study zero-based index of the study
 * @param rstudent studentized deleted residual (y<sub>i</sub> - &mu;&#x0302;<sub>(-i)</sub>) /
 *     sqrt(s<sup>2</sup><sub>(-i)</sub>(v<sub>i</sub> + &tau;&#x0302;<sup>2</sup><sub>(-i)</sub>) +
 *     V<sub>(-i)</sub>)
 * @param dffits (&mu;&#x0302; - &mu;&#x0302;<sub>(-i)</sub>) / sqrt(s<sup>2</sup><sub>(-i)</sub>
 *     h<sub>i</sub>(&tau;&#x0302;<sup>2</sup><sub>(-i)</sub> + v<sub>i</sub>))
 * @param cooksDistance (&mu;&#x0302; - &mu;&#x0302;<sub>(-i)</sub>)<sup>2</sup>/V
 * @param covRatio V<sub>(-i)</sub>/V
 * @param tau2Deleted &tau;&#x0302;<sup>2</sup><sub>(-i)</sub>
 * @param qeDeleted Cochran's Q without study i
 * @param hat leverage h<sub>i</sub> = w<sub>i</sub>/&Sigma;w
 * @param weight weight in percent, 100 h<sub>i</sub>
 * @param dfbetas (&mu;&#x0302; - &mu;&#x0302;<sub>(-i)</sub>) / sqrt(s<sup>2</sup><sub>(-i)</sub> /
 *     &Sigma;<sub>j</sub>1/(v<sub>j</sub> + &tau;&#x0302;<sup>2</sup><sub>(-i)</sub>)), the sum over all k
 *     studies
 * @param influential metafor's flag: |dffits| &gt; 3 sqrt(1/(k - 1)), or Cook's distance above
 *     the median of chi-squared with 1 df, or h<sub>i</sub> &gt; 3/k, or |dfbetas| &gt; 1
 */
public record StudyInfluence(int study, double rstudent, double dffits, double cooksDistance, double covRatio,
                             double tau2Deleted, double qeDeleted, double hat, double weight, double dfbetas,
                             boolean influential) {
}
