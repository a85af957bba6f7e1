package org.assemblyhub.sortition.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.draw.Commitment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * commitment.json: {@code {"version": 1, "files": {name: sha256, ...}, "commitment": sha256, "panel_count": m,
 * "max_probability_change": x}}. The file itself is not hashed; it carries the hashes.
 */
public final class CommitmentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommitmentJson() {}

    public static String write(Commitment c, int panelCount, double maxChange) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ObjectNode files = root.putObject("files");
        for (String f : Commitment.FILES) files.put(f, c.fileHashes().get(f));
        root.put("commitment", c.hash());
        root.put("panel_count", panelCount);
        root.put("max_probability_change", maxChange);
        return root.toPrettyString() + "\n";
    }

    public static Checked<Commitment> read(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String f : Commitment.FILES) {
                String h = root.path("files").path(f).asText("");
                if (h.isEmpty()) return bad("no hash for " + f);
                hashes.put(f, h);
            }
            String hash = root.path("commitment").asText("");
            if (hash.isEmpty()) return bad("no commitment hash");
            return Checked.valid(new Commitment(hashes, hash));
        } catch (Exception e) {
            return bad("not readable JSON: " + e.getMessage());
        }
    }

    private static Checked<Commitment> bad(String message) {
        return Checked.invalid(List.of(new InputProblem(PublishedFiles.COMMITMENT, message)));
    }
}
