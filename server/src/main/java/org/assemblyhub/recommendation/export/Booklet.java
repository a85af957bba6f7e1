package org.assemblyhub.recommendation.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * The booklet of draft recommendations as a PDF (OpenPDF), for members who prefer paper: each draft's latest version,
 * its provenance and its analysis under the same headings, in large type. Text goes in as text: nothing is
 * interpreted as markup.
 */
public final class Booklet {
    private static final Map<String, String[]> HEADINGS = Map.of(
            "benefits",
            new String[] {"Benefits", "Avantages"},
            "drawbacks",
            new String[] {"Drawbacks", "Inconvénients"},
            "costs",
            new String[] {"Costs", "Coûts"},
            "implementers",
            new String[] {"Who would implement it", "Qui le mettrait en œuvre"},
            "tradeoffs",
            new String[] {"Trade-offs", "Arbitrages"},
            "evidence",
            new String[] {"Evidence", "Éléments de preuve"});

    private Booklet() {}

    /**
     * {@code drafts}: the drafts view ({@code {id: {title, text, version, fromGroup, analysis}}}); {@code french}:
     * headings in French.
     */
    public static byte[] pdf(String title, JsonNode drafts, boolean french) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        Font h1 = new Font(Font.HELVETICA, 22, Font.BOLD);
        Font h2 = new Font(Font.HELVETICA, 17, Font.BOLD);
        Font h3 = new Font(Font.HELVETICA, 13, Font.BOLD);
        Font body = new Font(Font.HELVETICA, 13);
        Font small = new Font(Font.HELVETICA, 11, Font.ITALIC);
        document.add(new Paragraph(title, h1));
        document.add(new Paragraph(
                french ? "Livret des projets de recommandation" : "Booklet of draft recommendations", body));
        int n = 0;
        var it = drafts.fields();
        while (it.hasNext()) {
            var entry = it.next();
            JsonNode d = entry.getValue();
            Paragraph heading = new Paragraph(++n + ". " + d.path("title").asText(), h2);
            heading.setSpacingBefore(24);
            document.add(heading);
            int group = d.path("fromGroup").asInt();
            String from = group > 0
                    ? (french ? "Proposé par le groupe " : "Proposed by group ") + group
                    : (french ? "Proposé en plénière" : "Proposed in the plenary");
            document.add(new Paragraph(
                    from + " · " + (french ? "version " : "version ")
                            + d.path("version").asInt() + " · " + entry.getKey(),
                    small));
            Paragraph text = new Paragraph(d.path("text").asText(), body);
            text.setSpacingBefore(8);
            document.add(text);
            for (String field :
                    new String[] {"benefits", "drawbacks", "costs", "implementers", "tradeoffs", "evidence"}) {
                String value = d.path("analysis").path(field).asText("");
                if (value.isBlank()) continue;
                Paragraph h = new Paragraph(HEADINGS.get(field)[french ? 1 : 0], h3);
                h.setSpacingBefore(8);
                document.add(h);
                document.add(new Paragraph(value, body));
            }
            document.add(Chunk.NEWLINE);
        }
        if (n == 0) document.add(new Paragraph(french ? "Aucun projet pour l'instant." : "No drafts yet.", body));
        document.close();
        return out.toByteArray();
    }
}
