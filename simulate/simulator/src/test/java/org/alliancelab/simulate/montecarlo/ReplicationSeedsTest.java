package org.alliancelab.simulate.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ReplicationSeedsTest {

    @Test
    void stateIsTheFirstTwoOutputsOfSplitMix64StartedAtTheKey() {
        // Independent check of the documented derivation against Commons RNG's SplitMix64,
        // whose next() is mix(state += 0x9e3779b97f4a7c15).
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 5; r++) {
                long key = ReplicationSeeds.key(42, c, r);
                UniformRandomProvider sm = RandomSource.SPLIT_MIX_64.create(key);
                assertArrayEquals(new long[] {sm.nextLong(), sm.nextLong()}, ReplicationSeeds.state(42, c, r));
            }
        }
    }

    @Test
    void keyChainsTheMixerOverSeedConditionAndReplication() {
        long g = 0x9e3779b97f4a7c15L;
        long seed = -7;
        long expected = ReplicationSeeds.mix(ReplicationSeeds.mix(ReplicationSeeds.mix(seed) + g * 3) + g * 10);
        assertEquals(expected, ReplicationSeeds.key(seed, 2, 9));
    }

    @Test
    void mixIsTheSplitMix64Finalizer() {
        // SplitMix64 seeded with 0 outputs mix(G) first.
        assertEquals(RandomSource.SPLIT_MIX_64.create(0L).nextLong(), ReplicationSeeds.mix(0x9e3779b97f4a7c15L));
    }

    @Test
    void sameCoordinatesSameStreamDifferentCoordinatesDifferentStreams() {
        UniformRandomProvider a = ReplicationSeeds.provider(1, 2, 3);
        UniformRandomProvider b = ReplicationSeeds.provider(1, 2, 3);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        Set<Long> firsts = new HashSet<>();
        for (long s = 0; s < 4; s++) {
            for (int c = 0; c < 20; c++) {
                for (int r = 0; r < 200; r++) {
                    firsts.add(ReplicationSeeds.provider(s, c, r).nextLong());
                }
            }
        }
        // 16,000 distinct coordinates: a 64-bit collision has probability ~ 7e-12.
        assertEquals(4 * 20 * 200, firsts.size());
        assertNotEquals(ReplicationSeeds.key(1, 0, 1), ReplicationSeeds.key(1, 1, 0));
    }
}
