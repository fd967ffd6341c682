package org.alliancelab.simulate.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random stream of one replication as a pure function of (master seed, condition index,
 * replication index), so that results do not depend on thread count, sharding or resumption.
 *
 * <p>Derivation. With the SplitMix64 finalizer (Stafford's "Mix13" variant)
 * {@code mix(z) = z ^ (z >>> 31)} after {@code z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9},
 * {@code z = (z ^ (z >>> 27)) * 0x94d049bb133111eb}, and the golden-ratio increment
 * {@code G = 0x9e3779b97f4a7c15}:
 * <pre>
 *   h = mix(mix(mix(seed) + G * (condition + 1)) + G * (replication + 1))
 *   s0 = mix(h + G),  s1 = mix(h + 2G)              (two SplitMix64 outputs started at h)
 *   rng = XO_RO_SHI_RO_128_PP seeded with {s0, s1}
 * </pre>
 * For a fixed master seed and condition the map replication to h is a bijection of 64-bit
 * integers (mix is invertible and G is odd), so replications of one condition never share a
 * stream start. Streams of a 2<sup>128</sup> - 1 period generator started at hashed points
 * overlap with negligible probability: for N streams of length L it is about
 * N<sup>2</sup>L/2<sup>128</sup> (10<sup>6</sup> replications of 10<sup>7</sup> draws: 3e-20).
 *
 * <p>References: Steele, G. L., Lea, D. &amp; Flood, C. H. (2014). Fast splittable
 * pseudorandom number generators. OOPSLA '14. doi:10.1145/2660193.2660195. Blackman, D. &amp;
 * Vigna, S. (2021). Scrambled linear pseudorandom number generators. ACM TOMS 47(4).
 * doi:10.1145/3460772
 */
public final class ReplicationSeeds {
    /** The golden-ratio increment of SplitMix64. */
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private ReplicationSeeds() {
    }

    /**
     * The 64-bit key of one replication's stream.
     *
     * @param masterSeed the scenario's master seed
     * @param condition condition index (0-based)
     * @param replication replication index (0-based)
     * @return the key h of the class documentation
     */
    public static long key(long masterSeed, int condition, int replication) {
        long h = mix(masterSeed);
        h = mix(h + GOLDEN * (condition + 1L));
        return mix(h + GOLDEN * (replication + 1L));
    }

    /**
     * The generator state {s0, s1} of one replication.
     *
     * @param masterSeed the scenario's master seed
     * @param condition condition index (0-based)
     * @param replication replication index (0-based)
     * @return two 64-bit words seeding XO_RO_SHI_RO_128_PP
     */
    public static long[] state(long masterSeed, int condition, int replication) {
        long h = key(masterSeed, condition, replication);
        return new long[] {mix(h + GOLDEN), mix(h + 2 * GOLDEN)};
    }

    /**
     * Creates the random stream of one replication.
     *
     * @param masterSeed the scenario's master seed
     * @param condition condition index (0-based)
     * @param replication replication index (0-based)
     * @return a new generator; not thread-safe, owned by the caller
     */
    public static UniformRandomProvider provider(long masterSeed, int condition, int replication) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(state(masterSeed, condition, replication));
    }

    /**
     * The SplitMix64 finalizer (Stafford Mix13), a bijection of 64-bit integers.
     *
     * @param z input
     * @return mixed value
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
