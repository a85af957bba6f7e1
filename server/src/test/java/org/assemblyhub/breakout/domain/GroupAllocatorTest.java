package org.assemblyhub.breakout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

class GroupAllocatorTest {
    /** A roster like a real sortition result: gender, age band and area in realistic proportions. */
    static List<Participant> roster(int n, long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        String[] ages = {"16-29", "30-44", "45-64", "65+"};
        String[] areas = {"north", "south", "east", "west", "centre"};
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            double g = r.nextDouble();
            String gender = g < 0.51 ? "female" : g < 0.98 ? "male" : "other";
            people.add(new Participant(
                    "m" + i,
                    Map.of(
                            "gender",
                            gender,
                            "age",
                            ages[r.nextInt(ages.length)],
                            "area",
                            areas[r.nextInt(areas.length)])));
        }
        return people;
    }

    static List<String> facilitators(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "f" + i).toList();
    }

    static Allocation allocate(AllocationRequest request, long seed) {
        return new GroupAllocator(new SplittableRandom(seed)).allocate(request);
    }

    static List<Set<String>> asRound(Allocation allocation) {
        return allocation.groups().stream()
                .map(g -> (Set<String>) new HashSet<>(g.members()))
                .toList();
    }

    @Test
    void one_hundred_and_fifty_members_make_nineteen_groups_of_seven_or_eight_each_member_once() {
        Allocation allocation = allocate(AllocationRequest.of(roster(150, 1), facilitators(38), 7, 8), 42);

        assertThat(allocation.groups()).hasSize(19);
        assertThat(allocation.groups())
                .allSatisfy(g -> assertThat(g.members().size()).isBetween(7, 8));
        List<String> placed =
                allocation.groups().stream().flatMap(g -> g.members().stream()).toList();
        assertThat(placed).hasSize(150).doesNotHaveDuplicates();
    }

    @Test
    void every_group_gets_a_lead_and_a_co_facilitator_when_there_are_enough() {
        Allocation allocation = allocate(AllocationRequest.of(roster(150, 1), facilitators(38), 7, 8), 42);

        assertThat(allocation.groups()).allSatisfy(g -> {
            assertThat(g.leadFacilitator()).isNotNull();
            assertThat(g.coFacilitator()).isNotNull().isNotEqualTo(g.leadFacilitator());
        });
    }

    @Test
    void with_too_few_facilitators_every_group_still_gets_a_lead_before_any_gets_a_co() {
        Allocation allocation = allocate(AllocationRequest.of(roster(40, 1), facilitators(6), 7, 8), 1);

        assertThat(allocation.groups()).hasSize(5).allSatisfy(g -> assertThat(g.leadFacilitator())
                .isNotNull());
        assertThat(allocation.groups())
                .filteredOn(g -> g.coFacilitator() != null)
                .hasSize(1);
    }

    @Test
    void the_same_seed_gives_the_same_groups_and_another_seed_other_groups() {
        AllocationRequest request = AllocationRequest.of(roster(60, 3), facilitators(16), 7, 8);

        assertThat(allocate(request, 7).groups()).isEqualTo(allocate(request, 7).groups());
        assertThat(allocate(request, 7).groups())
                .isNotEqualTo(allocate(request, 8).groups());
    }

    @Test
    void groups_mirror_the_assembly_far_better_than_a_random_allocation() {
        Allocation allocation = allocate(AllocationRequest.of(roster(150, 5), facilitators(38), 7, 8), 42);

        for (String attribute : List.of("gender", "age", "area")) {
            double optimised = allocation.quality().meanDeviation().get(attribute);
            double random = allocation.randomBaseline().meanDeviation().get(attribute);
            assertThat(optimised).as(attribute + " (random: " + random + ")").isLessThan(random * 0.6);
        }
    }

    @Test
    void no_group_is_lopsided_on_gender() {
        Allocation allocation = allocate(AllocationRequest.of(roster(150, 5), facilitators(38), 7, 8), 42);
        Map<String, String> gender = roster(150, 5).stream()
                .collect(Collectors.toMap(Participant::id, p -> p.attributes().get("gender")));

        assertThat(allocation.groups()).allSatisfy(g -> {
            long women = g.members().stream()
                    .filter(m -> gender.get(m).equals("female"))
                    .count();
            assertThat(women).as("women in group " + g.number()).isBetween(3L, 5L);
        });
    }

    @Test
    void a_second_round_mixes_people_who_have_not_met() {
        AllocationRequest first = AllocationRequest.of(roster(150, 9), facilitators(38), 7, 8);
        Allocation round1 = allocate(first, 1);
        Allocation round2 = allocate(first.withEarlierRounds(List.of(asRound(round1))), 2);

        assertThat(round2.randomBaseline().repeatedPairs())
                .as("a random second round repeats pairs")
                .isGreaterThan(10);
        assertThat(round2.quality().repeatedPairs())
                .isLessThanOrEqualTo(round2.randomBaseline().repeatedPairs() / 5);
    }

    @Test
    void pinned_members_stay_in_their_group() {
        AllocationRequest request = AllocationRequest.of(roster(60, 2), facilitators(16), 7, 8)
                .withPinned(Map.of("m1", 2, "m2", 2, "m3", 0));
        Allocation allocation = allocate(request, 3);

        assertThat(allocation.groupOf("m1")).get().extracting(Group::number).isEqualTo(3);
        assertThat(allocation.groupOf("m2")).get().extracting(Group::number).isEqualTo(3);
        assertThat(allocation.groupOf("m3")).get().extracting(Group::number).isEqualTo(1);
    }

    @Test
    void keep_apart_pairs_never_share_a_group() {
        Set<Set<String>> apart = Set.of(Set.of("m1", "m2"), Set.of("m3", "m4"), Set.of("m5", "m6"));
        AllocationRequest request =
                AllocationRequest.of(roster(16, 2), facilitators(4), 7, 8).withKeepApart(apart);

        for (long seed = 0; seed < 10; seed++) {
            Allocation allocation = allocate(request, seed);
            assertThat(allocation.quality().keepApartViolations()).isZero();
            for (Set<String> pair : apart) {
                List<String> ids = List.copyOf(pair);
                assertThat(allocation.groupOf(ids.get(0))).isNotEqualTo(allocation.groupOf(ids.get(1)));
            }
        }
    }

    @Test
    void only_members_present_are_allocated() {
        List<Participant> present = roster(150, 4).subList(0, 131);
        Allocation allocation = allocate(AllocationRequest.of(present, facilitators(38), 7, 8), 1);

        assertThat(allocation.groups()).hasSize(17);
        assertThat(allocation.groupOf("m140")).isEmpty();
        assertThat(allocation.groups().stream()
                        .mapToInt(g -> g.members().size())
                        .sum())
                .isEqualTo(131);
    }

    @Test
    void a_very_small_assembly_makes_one_group() {
        Allocation allocation = allocate(AllocationRequest.of(roster(5, 1), facilitators(2), 7, 8), 1);
        assertThat(allocation.groups()).singleElement().satisfies(g -> assertThat(g.members())
                .hasSize(5));
    }

    @Test
    void nobody_present_makes_no_groups() {
        assertThat(allocate(AllocationRequest.of(List.of(), facilitators(2), 7, 8), 1)
                        .groups())
                .isEmpty();
    }

    @Test
    void a_latecomer_joins_a_group_with_a_free_seat_where_the_balance_suffers_least() {
        List<Participant> everyone = new ArrayList<>();
        List<String> g1 = new ArrayList<>();
        List<String> g2 = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            everyone.add(new Participant("a" + i, Map.of("gender", i < 6 ? "male" : "female")));
            g1.add("a" + i);
            everyone.add(new Participant("b" + i, Map.of("gender", i < 4 ? "male" : "female")));
            g2.add("b" + i);
        }
        List<Group> groups = List.of(new Group(1, "f1", "f2", g1), new Group(2, "f3", "f4", g2));
        Participant latecomer = new Participant("late", Map.of("gender", "female"));

        Group placed = GroupAllocator.placeLatecomer(
                groups, latecomer, everyone, AllocationRequest.of(everyone, List.of(), 7, 8));

        assertThat(placed.number()).isEqualTo(1);
        assertThat(placed.members()).contains("late").hasSize(8);
    }

    @Test
    void a_latecomer_never_goes_to_a_full_group_while_another_has_room() {
        List<Participant> everyone = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            everyone.add(new Participant("a" + i, Map.of("gender", "male")));
            full.add("a" + i);
        }
        everyone.add(new Participant("b0", Map.of("gender", "female")));
        List<Group> groups = List.of(new Group(1, null, null, full), new Group(2, null, null, List.of("b0")));

        Group placed = GroupAllocator.placeLatecomer(
                groups,
                new Participant("late", Map.of("gender", "female")),
                everyone,
                AllocationRequest.of(everyone, List.of(), 7, 8));

        assertThat(placed.number()).isEqualTo(2);
    }
}
