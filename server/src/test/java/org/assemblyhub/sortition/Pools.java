package org.assemblyhub.sortition;

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

/** Small pools for the tests, and a realistic synthetic one (the same as the benchmark's SyntheticPool). */
public final class Pools {
    private Pools() {}

    public static Volunteer person(String id, String... featureValuePairs) {
        return inHousehold(id, "", featureValuePairs);
    }

    public static Volunteer inHousehold(String id, String household, String... featureValuePairs) {
        Map<String, String> features = new LinkedHashMap<>();
        for (int i = 0; i < featureValuePairs.length; i += 2)
            features.put(featureValuePairs[i], featureValuePairs[i + 1]);
        return new Volunteer(id, features, household, Map.of());
    }

    /**
     * Everyone can get k/n: gender and age are independent and each combination is equally common, and the quotas
     * ask for exact proportions.
     */
    public static SelectionProblem balanced() {
        List<Volunteer> pool = new ArrayList<>();
        String[] genders = {"f", "m"};
        String[] ages = {"young", "middle", "old"};
        int id = 0;
        for (String g : genders) {
            for (String a : ages) {
                for (int copy = 0; copy < 2; copy++) pool.add(person("p" + id++, "gender", g, "age", a));
            }
        }
        Quotas quotas = new Quotas(List.of(
                Quota.of("gender", "f", 3, 3),
                Quota.of("gender", "m", 3, 3),
                Quota.of("age", "young", 2, 2),
                Quota.of("age", "middle", 2, 2),
                Quota.of("age", "old", 2, 2)));
        return new SelectionProblem(pool, quotas, 6, false);
    }

    /**
     * A pool where volunteers skew old and educated while the quotas ask for balance — the situation in which the
     * greedy algorithm leaves some people with little chance.
     */
    public static SelectionProblem skewed() {
        List<Volunteer> pool = new ArrayList<>();
        int id = 0;
        id = add(pool, id, 14, "old", "degree", "f");
        id = add(pool, id, 10, "old", "degree", "m");
        id = add(pool, id, 6, "old", "none", "f");
        id = add(pool, id, 3, "young", "degree", "m");
        id = add(pool, id, 3, "young", "degree", "f");
        id = add(pool, id, 2, "young", "none", "m");
        add(pool, id, 2, "young", "none", "f");
        Quotas quotas = new Quotas(List.of(
                Quota.of("age", "old", 4, 5),
                Quota.of("age", "young", 3, 4),
                Quota.of("education", "degree", 4, 5),
                Quota.of("education", "none", 3, 4),
                Quota.of("gender", "f", 4, 5),
                Quota.of("gender", "m", 3, 5)));
        return new SelectionProblem(pool, quotas, 8, false);
    }

    private static int add(List<Volunteer> pool, int id, int count, String age, String education, String gender) {
        for (int c = 0; c < count; c++) {
            pool.add(person("p" + (id++), "age", age, "education", education, "gender", gender));
        }
        return id;
    }

    /**
     * A pool like a real recruitment's: six features whose values are unequally common among volunteers (and
     * correlated with age), quotas proportional to a population that differs from the pool, some households of two.
     */
    public static SelectionProblem realistic(int size, int panel, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        String[][] values = {
            {"female", "male", "other"},
            {"16-29", "30-44", "45-59", "60+"},
            {"none", "level 1-2", "level 3", "degree"},
            {"north", "east", "south", "west", "centre"},
            {"urban", "rural"},
            {"concerned", "neutral", "sceptical"}
        };
        String[] names = {"gender", "age", "education", "region", "area", "attitude"};
        double[][] poolShare = {
            {0.55, 0.43, 0.02}, {0.12, 0.2, 0.3, 0.38}, {0.1, 0.2, 0.25, 0.45},
            {0.25, 0.15, 0.3, 0.2, 0.1}, {0.7, 0.3}, {0.55, 0.3, 0.15}
        };
        double[][] population = {
            {0.5, 0.48, 0.02}, {0.22, 0.25, 0.26, 0.27}, {0.2, 0.3, 0.25, 0.25},
            {0.2, 0.2, 0.25, 0.2, 0.15}, {0.75, 0.25}, {0.4, 0.35, 0.25}
        };
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, String> features = new LinkedHashMap<>();
            for (int f = 0; f < names.length; f++) {
                double[] share = poolShare[f].clone();
                if (f == 2 && features.get("age").equals("60+")) share = new double[] {0.2, 0.25, 0.25, 0.3};
                features.put(names[f], values[f][pick(share, random)]);
            }
            String household = i % 10 == 1 ? "h" + (i - 1) : "h" + i;
            pool.add(new Volunteer(String.format("v%04d", i), features, household, Map.of()));
        }
        List<Quota> quotas = new ArrayList<>();
        for (int f = 0; f < names.length; f++) {
            for (int v = 0; v < values[f].length; v++) {
                double target = population[f][v] * panel;
                int min = (int) Math.floor(target * 0.9);
                int max = Math.max(1, (int) Math.ceil(target * 1.1));
                quotas.add(new Quota(names[f], values[f][v], min, max, 0, panel));
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
