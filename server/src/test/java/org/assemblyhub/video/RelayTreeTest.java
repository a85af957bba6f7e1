package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.*;

class RelayTreeTest {
    @Test
    void the_anchor_sends_to_the_first_viewers_and_each_viewer_passes_on_to_at_most_fan_out_others() {
        RelayTree tree = new RelayTree(2);
        tree.join("lead", true);
        for (String v : List.of("a", "b", "c", "d", "e")) tree.join(v, false);

        assertThat(tree.position("lead").children()).containsExactly("a", "b");
        assertThat(tree.position("a")).isEqualTo(new RelayTree.Position("lead", List.of("c", "d"), List.of("lead")));
        assertThat(tree.position("b").children()).containsExactly("e");
        assertThat(tree.position("e").parent()).isEqualTo("b");
        assertThat(tree.linked("c", "a")).isTrue();
        assertThat(tree.linked("c", "lead")).as("only along the tree").isFalse();
        assertThat(tree.linked("c", "d")).isFalse();
    }

    @Test
    void a_viewer_who_leaves_is_replaced_by_the_last_one_so_only_their_neighbours_move() {
        RelayTree tree = new RelayTree(2);
        tree.join("lead", true);
        for (String v : List.of("a", "b", "c", "d", "e", "f", "g")) tree.join(v, false);

        var changed = tree.leave("a");

        assertThat(tree.position("g").parent()).isEqualTo("lead"); // g takes a's slot
        assertThat(tree.position("g").children()).containsExactly("c", "d");
        assertThat(tree.position("c").parent()).isEqualTo("g");
        // g, its new children (c also lost g as its child) and the anchor (child replaced): nobody else.
        assertThat(changed).containsExactlyInAnyOrder("g", "c", "d", "lead");
        assertThat(tree.contains("a")).isFalse();
    }

    @Test
    void a_second_speaker_joins_the_stage_mesh_and_everyone_learns_the_new_stage() {
        RelayTree tree = new RelayTree(3);
        tree.join("lead", true);
        tree.join("a", false);
        tree.join("b", false);

        var changed = tree.join("expert", true);

        assertThat(changed).containsExactlyInAnyOrder("lead", "a", "b", "expert");
        assertThat(tree.linked("lead", "expert")).isTrue();
        assertThat(tree.position("expert").children())
                .as("the anchor stays the first of the stage")
                .isEmpty();
        assertThat(tree.position("a").stage()).containsExactly("lead", "expert");

        tree.leave("lead");
        assertThat(tree.anchor()).isEqualTo("expert");
        assertThat(tree.position("a").parent()).isEqualTo("expert");
    }

    @Test
    void without_a_stage_in_the_call_viewers_wait_with_no_parent() {
        RelayTree tree = new RelayTree(3);
        tree.join("a", false);
        assertThat(tree.position("a").parent()).isNull();
        assertThat(tree.linked("a", "b")).isFalse();
    }

    @Test
    void after_any_joins_and_leaves_every_viewer_reaches_the_anchor_and_nobody_sends_more_than_fan_out_copies() {
        Random random = new Random(7);
        RelayTree tree = new RelayTree(3);
        tree.join("lead", true);
        List<String> in = new ArrayList<>();
        for (int step = 0; step < 2_000; step++) {
            if (in.isEmpty() || random.nextInt(3) > 0) {
                String id = "p" + step;
                tree.join(id, false);
                in.add(id);
            } else {
                tree.leave(in.remove(random.nextInt(in.size())));
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        depth.put("lead", 0);
        var queue = new ArrayDeque<>(List.of("lead"));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            List<String> children = tree.position(node).children();
            assertThat(children.size()).isLessThanOrEqualTo(3);
            for (String c : children) {
                assertThat(tree.position(c).parent()).isEqualTo(node);
                depth.put(c, depth.get(node) + 1);
                queue.add(c);
            }
        }
        assertThat(depth.keySet()).containsAll(in).hasSize(in.size() + 1);
        int deepest = depth.values().stream().max(Integer::compare).orElse(0);
        assertThat(deepest).isLessThanOrEqualTo((int) Math.ceil(Math.log(in.size() * 2.0 + 1) / Math.log(3)) + 1);
    }

    @Test
    void a_relay_that_passes_nothing_on_swaps_with_the_last_viewer_so_its_children_hang_from_someone_else() {
        RelayTree tree = new RelayTree(2);
        tree.join("lead", true);
        for (String v : List.of("a", "b", "c", "d", "e")) tree.join(v, false);

        var changed = tree.demote("a"); // a relayed to c and d; e, the last, relayed to nobody

        assertThat(tree.position("e").parent()).isEqualTo("lead");
        assertThat(tree.position("e").children()).containsExactly("c", "d");
        assertThat(tree.position("a").parent()).isEqualTo("b");
        assertThat(tree.position("a").children()).isEmpty();
        assertThat(changed).containsExactlyInAnyOrder("a", "e", "c", "d", "b", "lead");
        assertThat(tree.demote("a")).as("a leaf has nothing to repair").isEmpty();
        assertThat(tree.demote("lead")).as("the stage is never moved").isEmpty();
    }
}
