package org.assemblyhub.breakout.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Splits the members present into breakout groups of min–max size whose mix of attributes mirrors the assembly, with
 * as few pairs as possible who already met in an earlier round, pinned members where they must be and keep-apart pairs
 * apart. Method: a seeded random deal, then simulated annealing over swaps of two members (sizes never change), with
 * the cost updated incrementally ({@link CostModel}). The same request and seed give the same groups.
 */
public final class GroupAllocator {
    private final RandomGenerator random;
    private final int stepsPerMember;

    public GroupAllocator(RandomGenerator random) {
        this(random, 3_000);
    }

    GroupAllocator(RandomGenerator random, int stepsPerMember) {
        this.random = random;
        this.stepsPerMember = stepsPerMember;
    }

    public Allocation allocate(AllocationRequest request) {
        int n = request.members().size();
        if (n == 0) return new Allocation(List.of(), AllocationQualities.empty(), AllocationQualities.empty());
        CostModel model = new CostModel(request);
        int groupCount = groupCount(n, request.maxSize());
        boolean[] fixed = new boolean[n];
        int[][] groups = deal(request, groupCount, fixed);
        AllocationQuality baseline = AllocationQualities.of(model, groups);
        anneal(model, groups, fixed);
        return new Allocation(toGroups(request, groups), AllocationQualities.of(model, groups), baseline);
    }

    /** As few groups as the largest size allows; sizes then differ by at most one. */
    static int groupCount(int members, int maxSize) {
        return Math.max(1, (members + maxSize - 1) / maxSize);
    }

    /** Pinned members first, in their group; the others shuffled and dealt into the remaining seats. */
    private int[][] deal(AllocationRequest request, int groupCount, boolean[] fixed) {
        int n = request.members().size();
        int[] sizes = new int[groupCount];
        for (int k = 0; k < groupCount; k++) sizes[k] = n / groupCount + (k < n % groupCount ? 1 : 0);
        List<List<Integer>> seats = new ArrayList<>();
        for (int k = 0; k < groupCount; k++) seats.add(new ArrayList<>());
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer pin = request.pinned().get(request.members().get(i).id());
            if (pin != null) {
                seats.get(Math.min(Math.max(pin, 0), groupCount - 1)).add(i);
                fixed[i] = true;
            } else {
                free.add(i);
            }
        }
        shuffle(free);
        int next = 0;
        for (int k = 0; k < groupCount && next < free.size(); k++) {
            while (seats.get(k).size() < sizes[k] && next < free.size())
                seats.get(k).add(free.get(next++));
        }
        for (int k = 0; next < free.size(); k = (k + 1) % groupCount)
            seats.get(k).add(free.get(next++));
        int[][] groups = new int[groupCount][];
        for (int k = 0; k < groupCount; k++)
            groups[k] = seats.get(k).stream().mapToInt(Integer::intValue).toArray();
        return groups;
    }

    private void anneal(CostModel model, int[][] groups, boolean[] fixed) {
        int groupCount = groups.length;
        if (groupCount < 2) return;
        int[][][] counts = model.counts(groups);
        int[] groupOf = new int[model.n];
        int[] slotOf = new int[model.n];
        for (int k = 0; k < groupCount; k++) {
            for (int s = 0; s < groups[k].length; s++) {
                groupOf[groups[k][s]] = k;
                slotOf[groups[k][s]] = s;
            }
        }
        int[] movable = IntStream.range(0, model.n).filter(i -> !fixed[i]).toArray();
        if (movable.length < 2) return;
        long steps = (long) stepsPerMember * model.n;
        double temperature = initialTemperature(model, groups, counts, groupOf, movable);
        double cooling = Math.pow(1e-4, 1.0 / steps);
        double current = total(model, groups, counts);
        double best = current;
        int[][] bestGroups = copy(groups);
        for (long step = 0; step < steps; step++, temperature *= cooling) {
            int i = movable[random.nextInt(movable.length)];
            int j = movable[random.nextInt(movable.length)];
            int a = groupOf[i];
            int b = groupOf[j];
            if (a == b) continue;
            double delta = model.swapDelta(i, groups[a], counts[a], j, groups[b], counts[b]);
            if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                swap(model, groups, counts, groupOf, slotOf, i, j);
                current += delta;
                if (current < best - 1e-9) {
                    best = current;
                    bestGroups = copy(groups);
                }
            }
        }
        for (int k = 0; k < groupCount; k++) groups[k] = bestGroups[k];
    }

    private double initialTemperature(CostModel model, int[][] groups, int[][][] counts, int[] groupOf, int[] movable) {
        double sum = 0;
        int samples = 0;
        for (int t = 0; t < 200; t++) {
            int i = movable[random.nextInt(movable.length)];
            int j = movable[random.nextInt(movable.length)];
            if (groupOf[i] == groupOf[j]) continue;
            sum += Math.abs(model.swapDelta(
                    i, groups[groupOf[i]], counts[groupOf[i]], j, groups[groupOf[j]], counts[groupOf[j]]));
            samples++;
        }
        return samples == 0 || sum == 0 ? 1.0 : sum / samples;
    }

    private static void swap(
            CostModel model, int[][] groups, int[][][] counts, int[] groupOf, int[] slotOf, int i, int j) {
        int a = groupOf[i];
        int b = groupOf[j];
        for (int attr = 0; attr < model.attributeNames.size(); attr++) {
            counts[a][attr][model.value[i][attr]]--;
            counts[a][attr][model.value[j][attr]]++;
            counts[b][attr][model.value[j][attr]]--;
            counts[b][attr][model.value[i][attr]]++;
        }
        groups[a][slotOf[i]] = j;
        groups[b][slotOf[j]] = i;
        int slot = slotOf[i];
        slotOf[i] = slotOf[j];
        slotOf[j] = slot;
        groupOf[i] = b;
        groupOf[j] = a;
    }

    private static double total(CostModel model, int[][] groups, int[][][] counts) {
        double total = 0;
        for (int k = 0; k < groups.length; k++) total += model.groupCost(groups[k], counts[k]);
        return total;
    }

    private void shuffle(List<Integer> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }

    private static int[][] copy(int[][] groups) {
        int[][] copy = new int[groups.length][];
        for (int k = 0; k < groups.length; k++) copy[k] = Arrays.copyOf(groups[k], groups[k].length);
        return copy;
    }

    /** Lead facilitators first, one per group, then co-facilitators: with too few, groups lack a co before a lead. */
    private static List<Group> toGroups(AllocationRequest request, int[][] groups) {
        List<String> f = request.facilitators();
        List<Group> result = new ArrayList<>();
        for (int k = 0; k < groups.length; k++) {
            List<String> members = new ArrayList<>();
            for (int i : groups[k]) members.add(request.members().get(i).id());
            members.sort(null);
            String lead = k < f.size() ? f.get(k) : null;
            String co = groups.length + k < f.size() ? f.get(groups.length + k) : null;
            result.add(new Group(k + 1, lead, co, members));
        }
        return result;
    }

    /**
     * Places someone who arrives after the round opened: in a group with a free seat (any group if none has one)
     * where adding them raises the cost least — the balance suffers least. Ties go to the lowest group number.
     */
    public static Group placeLatecomer(
            List<Group> groups, Participant latecomer, List<Participant> everyone, AllocationRequest context) {
        Map<String, Participant> byId = new LinkedHashMap<>();
        everyone.forEach(p -> byId.put(p.id(), p));
        byId.put(latecomer.id(), latecomer);
        List<Participant> all = new ArrayList<>(byId.values());
        CostModel model = new CostModel(new AllocationRequest(
                all,
                List.of(),
                context.minSize(),
                context.maxSize(),
                context.earlierRounds(),
                Map.of(),
                context.keepApart()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) index.put(all.get(i).id(), i);
        boolean anyRoom = groups.stream().anyMatch(g -> g.members().size() < context.maxSize());
        Group bestGroup = null;
        double bestDelta = Double.MAX_VALUE;
        for (Group g : groups) {
            if (anyRoom && g.members().size() >= context.maxSize()) continue;
            int[] before = g.members().stream().mapToInt(index::get).toArray();
            int[] after = Arrays.copyOf(before, before.length + 1);
            after[before.length] = index.get(latecomer.id());
            double delta = model.groupCost(after, model.counts(new int[][] {after})[0])
                    - model.groupCost(before, model.counts(new int[][] {before})[0]);
            if (delta < bestDelta - 1e-9) {
                bestDelta = delta;
                bestGroup = g;
            }
        }
        if (bestGroup == null) throw new IllegalArgumentException("no group to place a latecomer in");
        List<String> members = new ArrayList<>(bestGroup.members());
        members.add(latecomer.id());
        members.sort(null);
        return new Group(bestGroup.number(), bestGroup.leadFacilitator(), bestGroup.coFacilitator(), members);
    }
}
