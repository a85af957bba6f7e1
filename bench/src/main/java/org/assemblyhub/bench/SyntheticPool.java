package org.assemblyhub.bench;

import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The sortition benchmark's pool, like a real recruitment's: six features whose values are unequally common among
 * volunteers (and correlated with age), quotas ±10 % around the shares of a population that differs from the pool,
 * one person in ten sharing a household with the previous one, the household rule on. The same generator as the
 * server tests' {@code Pools.realistic} (kept in step by hand: the figures in docs/sortition.md before this benchmark
 * came from that one), so that pool 750, panel 112, seed 2026 is the instance measured since the start.
 */
final class SyntheticPool {
    private static final String[] NAMES = {"gender", "age", "education", "region", "area", "attitude"};
    private static final String[][] VALUES = {
        {"female", "male", "other"},
        {"16-29", "30-44", "45-59", "60+"},
        {"none", "level 1-2", "level 3", "degree"},
        {"north", "east", "south", "west", "centre"},
        {"urban", "rural"},
        {"concerned", "neutral", "sceptical"}
    };
    private static final double[][] POOL_SHARE = {
        {0.55, 0.43, 0.02}, {0.12, 0.2, 0.3, 0.38}, {0.1, 0.2, 0.25, 0.45},
        {0.25, 0.15, 0.3, 0.2, 0.1}, {0.7, 0.3}, {0.55, 0.3, 0.15}
    };
    private static final double[][] POPULATION = {
        {0.5, 0.48, 0.02}, {0.22, 0.25, 0.26, 0.27}, {0.2, 0.3, 0.25, 0.25},
        {0.2, 0.2, 0.25, 0.2, 0.15}, {0.75, 0.25}, {0.4, 0.35, 0.25}
    };

    private SyntheticPool() {}

    static SelectionProblem realistic(int size, int panel, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, String> features = new LinkedHashMap<>();
            for (int f = 0; f < NAMES.length; f++) {
                double[] share = POOL_SHARE[f].clone();
                if (f == 2 && features.get("age").equals("60+")) share = new double[] {0.2, 0.25, 0.25, 0.3};
                features.put(NAMES[f], VALUES[f][pick(share, random)]);
            }
            String household = i % 10 == 1 ? "h" + (i - 1) : "h" + i;
            pool.add(new Volunteer(String.format("v%04d", i), features, household, Map.of()));
        }
        List<Quota> quotas = new ArrayList<>();
        for (int f = 0; f < NAMES.length; f++) {
            for (int v = 0; v < VALUES[f].length; v++) {
                double target = POPULATION[f][v] * panel;
                int min = (int) Math.floor(target * 0.9);
                int max = Math.max(1, (int) Math.ceil(target * 1.1));
                quotas.add(new Quota(NAMES[f], VALUES[f][v], min, max, 0, panel));
            }
        }
        return new SelectionProblem(pool, new Quotas(quotas), panel, true);
    }

    private static int pick(double[] share, RandomGenerator random) {
        double r = random.nextDouble();
        for (int i = 0; i < share.length; i++) {
            r -= share[i];
            if (r < 0) return i;
        }
        return share.length - 1;
    }
}
