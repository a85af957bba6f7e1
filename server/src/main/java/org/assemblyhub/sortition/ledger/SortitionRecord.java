package org.assemblyhub.sortition.ledger;

import org.assemblyhub.sortition.ledger.SortitionEvent.MemberReplaced;
import org.assemblyhub.sortition.ledger.SortitionEvent.SelectionCommitted;
import org.assemblyhub.sortition.ledger.SortitionEvent.SelectionDrawn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The fold of the selection's public facts: the commitment, the draw, the replacements, and the panel as it is. */
public final class SortitionRecord implements Serializable {
    private SelectionCommitted commitment;
    private SelectionDrawn draw;
    private final List<MemberReplaced> replacements = new ArrayList<>();
    private final List<String> panel = new ArrayList<>();

    public void evolve(SortitionEvent event) {
        if (event instanceof SelectionCommitted e) {
            commitment = e;
        } else if (event instanceof SelectionDrawn e) {
            draw = e;
            panel.clear();
            panel.addAll(e.selected());
        } else if (event instanceof MemberReplaced e) {
            replacements.add(e);
            int at = panel.indexOf(e.dropout());
            if (at >= 0) panel.set(at, e.replacement());
        }
    }

    public SelectionCommitted commitment() {
        return commitment;
    }

    public SelectionDrawn draw() {
        return draw;
    }

    public List<MemberReplaced> replacements() {
        return Collections.unmodifiableList(replacements);
    }

    /** The panel now: the drawn members with each replacement in its dropout's place. */
    public List<String> panel() {
        return Collections.unmodifiableList(panel);
    }

    /** Whoever was ever seated (drawn or brought in by a replacement): nobody takes a seat twice. */
    public boolean everSeated(String id) {
        if (draw != null && draw.selected().contains(id)) return true;
        return replacements.stream().anyMatch(r -> r.replacement().equals(id));
    }
}
