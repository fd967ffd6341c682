/**
 * Small-study effects and publication bias: Egger's regression test, Begg and Mazumdar's rank
 * correlation test, Duval and Tweedie's trim-and-fill, fail-safe numbers (Rosenthal, Orwin),
 * PET-PEESE and Vevea and Hedges' step-function selection models, computed as R's metafor does
 * ({@code regtest}, {@code ranktest}, {@code trimfill}, {@code fsn}, {@code rma(mods = ~ sqrt(vi))}
 * and {@code ~ vi}, {@code selmodel(type = "stepfun")}).
 */
package org.alliancelab.meta.bias;
