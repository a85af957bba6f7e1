package org.assemblyhub.learning.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.assemblyhub.testing.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

class ContentCheckTest {
    private final ContentCheck check = new ContentCheck();

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path file(String name, String text) throws Exception {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(FileKind kind, Path file) {
        try {
            check.check(kind, file);
        } catch (FileRefused refused) {
            return refused.code();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return "accepted";
    }

    static byte[] pdf(int pages) throws Exception {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void an_mp4_made_with_jcodec_is_a_video_mp4_whatever_it_is_called() throws Exception {
        Path video = TestVideos.mp4(dir.resolve("notes.txt"), 3);

        assertThat(check.detect(video)).isIn("video/mp4", "video/quicktime");
        assertThat(check.check(FileKind.VIDEO, video)).isEqualTo(new FileFacts("video/mp4", null));
    }

    @Test
    void a_webm_is_a_video_webm_and_a_matroska_file_is_not() throws Exception {
        assertThat(check.check(FileKind.VIDEO, file("talk", TestVideos.webmHead())))
                .isEqualTo(new FileFacts("video/webm", null));

        byte[] matroska = TestVideos.webmHead();
        int at = indexOf(matroska, "webm".getBytes(StandardCharsets.US_ASCII));
        byte[] mkv = Arrays.copyOf(matroska, matroska.length);
        System.arraycopy("mkv\0".getBytes(StandardCharsets.US_ASCII), 0, mkv, at, 4);
        assertThat(refusal(FileKind.VIDEO, file("talk.webm", mkv))).isEqualTo("upload-wrong-type");
    }

    @Test
    void text_renamed_to_a_video_and_a_pdf_sent_as_a_video_are_the_wrong_type() throws Exception {
        assertThat(refusal(FileKind.VIDEO, file("talk.mp4", "just some text, honestly\n")))
                .isEqualTo("upload-wrong-type");
        assertThat(refusal(FileKind.VIDEO, file("talk.mp4", pdf(1)))).isEqualTo("upload-wrong-type");
    }

    @Test
    void a_real_pdf_is_accepted_with_its_page_count() throws Exception {
        assertThat(check.check(FileKind.PDF, file("reading", pdf(3)))).isEqualTo(new FileFacts("application/pdf", 3));
    }

    @Test
    void an_html_page_claiming_to_be_a_pdf_is_the_wrong_type() throws Exception {
        Path html = file(
                "reading.pdf",
                "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>");

        assertThatThrownBy(() -> check.check(FileKind.PDF, html))
                .isInstanceOf(FileRefused.class)
                .hasMessageContaining("not a PDF document")
                .hasMessageContaining("text/html");
    }

    @Test
    void a_file_that_only_starts_like_a_pdf_is_unreadable() throws Exception {
        byte[] real = pdf(2);
        assertThat(refusal(FileKind.PDF, file("a.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\ngarbage\n")))
                .isEqualTo("pdf-unreadable");
        assertThat(refusal(FileKind.PDF, file("b.pdf", Arrays.copyOf(real, 40))))
                .isEqualTo("pdf-unreadable");
        assertThat(refusal(FileKind.PDF, file("c.pdf", pdf(0)))).isEqualTo("pdf-unreadable");
    }

    @Test
    void safe_markdown_is_accepted() throws Exception {
        Path md = file(
                "reading.md",
                """
                # Where our emissions come from

                Read [the report](https://example.org/report.pdf), [our notes](notes/week-1.md#transport),
                [a section](#homes) and ![a chart](charts/sectors.png "Sectors").

                [ref]: http://example.org/ref
                > Compare 2 < 3 & 5 > 4 — *emphasis* and `code <b>`.
                """);

        assertThat(check.check(FileKind.MARKDOWN, md)).isEqualTo(new FileFacts("text/markdown", null));
    }

    @Test
    void markdown_with_html_or_a_link_that_is_not_http_or_relative_is_unsafe() throws Exception {
        String[] unsafe = {
            "Hello <script>alert(1)</script>",
            "<div onclick=\"x()\">raw block</div>",
            "text with <img src=x onerror=alert(1)> inline",
            "<!-- a comment -->",
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](<java script:alert(1)>)",
            "[x](&#106;avascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "![x](vbscript:msgbox)",
            "[x](file:///etc/passwd)",
            "<javascript:alert(1)>",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "[r]: data:text/html,hi",
        };
        for (String text : unsafe) {
            assertThat(refusal(FileKind.MARKDOWN, file("unsafe.md", text)))
                    .as(text)
                    .isEqualTo("markdown-unsafe");
        }
    }

    @Test
    void a_small_file_whose_reference_links_would_render_into_megabytes_is_refused_and_never_rendered_past_the_cap()
            throws Exception {
        String bomb = "[x]: http://example.org/" + "p".repeat(2000) + "\n\n" + "[x] ".repeat(20_000);
        assertThat(bomb.length()).isLessThan(100_000);
        assertThat(refusal(FileKind.MARKDOWN, file("bomb.md", bomb))).isEqualTo("markdown-unsafe");
        assertThatThrownBy(() -> MarkdownHtml.render(bomb)).isInstanceOf(MarkdownHtml.TooLarge.class);
    }

    @Test
    void markdown_that_is_not_utf8_is_the_wrong_type() throws Exception {
        assertThat(refusal(FileKind.MARKDOWN, file("latin1.md", new byte[] {'c', 'a', 'f', (byte) 0xE9})))
                .isEqualTo("upload-wrong-type");
        assertThat(refusal(FileKind.MARKDOWN, file("pdf.md", pdf(1)))).isEqualTo("upload-wrong-type");
    }

    @Test
    void markdown_is_rendered_with_html_escaped_and_unsafe_urls_dropped() {
        String html = MarkdownHtml.render(
                "# Title\n\nHi <script>alert(1)</script> [ok](https://example.org) [bad](javascript:alert(1))\n");

        assertThat(html).contains("<h1>Title</h1>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<script>").doesNotContain("javascript:");
        assertThat(html)
                .contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org\">ok</a>")
                .contains("href=\"\">bad</a>");
    }

    @Test
    void deeply_nested_markdown_neither_overflows_the_stack_when_checked_nor_when_rendered() throws Exception {
        String nested = ">".repeat(100_000) + " deep\n" + "[".repeat(100_000) + "x" + "](y)".repeat(1000);

        assertThat(check.check(FileKind.MARKDOWN, file("deep.md", nested)).mediaType())
                .isEqualTo("text/markdown");
        assertThat(MarkdownHtml.render(nested)).contains("deep");
    }

    @Test
    void webvtt_captions_are_accepted_with_a_bom_notes_styles_and_short_timings() throws Exception {
        assertThat(check.check(FileKind.CAPTIONS, file("captions.vtt", TestVideos.captions())))
                .isEqualTo(new FileFacts("text/vtt", null));
        String rich = "\uFEFFWEBVTT - week 1\r\nKind: captions\r\n\r\nSTYLE\r\n::cue { color: yellow }\r\n\r\n"
                + "NOTE written by the expert\r\n\r\n01:02.500 --> 01:04.000 align:start line:0\r\nHello\r\n<v Ann>two lines\r\n";
        assertThat(check.check(FileKind.CAPTIONS, file("rich.vtt", rich)).mediaType())
                .isEqualTo("text/vtt");
    }

    @Test
    void captions_without_the_header_or_with_broken_timings_are_invalid() throws Exception {
        String[] invalid = {
            "1\n00:00:00.000 --> 00:00:01.000\nNo header\n", // SRT
            "WEBVTTX\n\n00:00:00.000 --> 00:00:01.000\nx\n",
            "WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nSRT commas\n",
            "WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nends before it starts\n",
            "WEBVTT\n\n00:61:00.000 --> 00:62:00.000\nno such minute\n",
            "WEBVTT\n\nan identifier\nand text but no timing\n",
            "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n00:00:01.000 --> 00:00:02.000\nno blank line\n",
            "WEBVTT\n\nNOTE only a note\n",
            "WEBVTT\n",
        };
        for (String text : invalid) {
            assertThat(refusal(FileKind.CAPTIONS, file("bad.vtt", text)))
                    .as(text)
                    .isEqualTo("captions-invalid");
        }
        assertThat(refusal(FileKind.CAPTIONS, file("binary.vtt", TestVideos.webmHead())))
                .isEqualTo("upload-wrong-type");
    }

    @Test
    void random_content_of_every_kind_is_accepted_or_refused_with_a_code_never_with_another_failure() throws Exception {
        Random random = new Random(20270106);
        String alphabet = "WEBVT0123456789:.-> \n\r\t#*_[]()<>!&;`\\/abcjavscript\u00e9\u2014";
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[random.nextInt(2048)];
            random.nextBytes(noise);
            StringBuilder text = new StringBuilder(i % 2 == 0 ? "WEBVTT\n\n" : "");
            for (int k = random.nextInt(400); k > 0; k--)
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            byte[] pdfLike = ("%PDF-1." + (i % 8) + "\n").getBytes(StandardCharsets.US_ASCII);
            List<Object[]> cases = List.of(
                    new Object[] {FileKind.VIDEO, noise},
                    new Object[] {FileKind.PDF, concat(pdfLike, noise)},
                    new Object[] {FileKind.MARKDOWN, text.toString().getBytes(StandardCharsets.UTF_8)},
                    new Object[] {FileKind.CAPTIONS, text.toString().getBytes(StandardCharsets.UTF_8)},
                    new Object[] {FileKind.MARKDOWN, noise});
            for (Object[] c : cases) {
                Path file = file("random", (byte[]) c[1]);
                try {
                    check.check((FileKind) c[0], file);
                } catch (FileRefused refused) {
                    assertThat(refused.code())
                            .isIn("upload-wrong-type", "pdf-unreadable", "markdown-unsafe", "captions-invalid");
                }
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
