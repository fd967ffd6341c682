/**
 * Small-study effects and publication bias: Egger's regression test, Begg and Mazumdar's rank
 * correlation test, Duval and Tweedie's trim-and-fill, and fail-safe numbers (Rosenthal, Orwin),
 * computed as R's metafor does ({@code regtest}, {@code ranktest}, {@code trimfill}, {@code fsn}).
 */
package org.alliancelab.meta.bias;
