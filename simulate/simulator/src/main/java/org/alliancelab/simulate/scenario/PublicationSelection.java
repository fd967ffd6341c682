package org.alliancelab.simulate.scenario;

/**
 * Publication selection: a study whose unadjusted correlation is not significant (two-sided
 * Fisher-z test of r = 0 at the analyses' alpha: {@code |atanh(r)| sqrt(n - 3) < z_(1-alpha/2)})
 * is published with probability {@code probability}; significant studies always are.
 *
 * @param probability publication probability pi of a non-significant study, in (0, 1]
 */
public record PublicationSelection(double probability) {
}
