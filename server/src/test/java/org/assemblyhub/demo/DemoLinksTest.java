package org.assemblyhub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class DemoLinksTest {
    static final List<String> FILE = List.of(
            "organiser   Olivia Organiser      http://localhost:8080/join/demo.aaa",
            "facilitator Fatou Diallo          http://localhost:8080/join/demo.bbb",
            "expert      Dr Karima Nguyen      http://localhost:8080/join/demo.ccc",
            "observer    (public page)         http://localhost:8080/a/demo");

    @Test
    void the_file_reads_back_to_the_same_lines_with_each_persons_id() {
        DemoLinks links = DemoLinks.parse(FILE);
        assertThat(links.lines()).isEqualTo(FILE);
        assertThat(links.entries())
                .extracting(DemoLinks.Entry::personId)
                .containsExactly("organiser-1", "f1", "e1", null);
        assertThat(links.person("e1").orElseThrow().token()).isEqualTo("demo.ccc");
    }

    @Test
    void a_revoked_link_says_so_and_reads_back_as_revoked() {
        DemoLinks revoked = DemoLinks.parse(FILE).withLink("f1", null);
        assertThat(revoked.lines().get(1)).isEqualTo("facilitator Fatou Diallo          (revoked)");
        assertThat(DemoLinks.parse(revoked.lines()).person("f1").orElseThrow().link())
                .isNull();
    }

    @Test
    void a_start_on_another_address_moves_every_link_and_keeps_the_tokens() {
        DemoLinks moved = DemoLinks.parse(FILE).at("http://127.0.0.1:9000");
        assertThat(moved.lines())
                .containsExactly(
                        "organiser   Olivia Organiser      http://127.0.0.1:9000/join/demo.aaa",
                        "facilitator Fatou Diallo          http://127.0.0.1:9000/join/demo.bbb",
                        "expert      Dr Karima Nguyen      http://127.0.0.1:9000/join/demo.ccc",
                        "observer    (public page)         http://127.0.0.1:9000/a/demo");
    }
}
