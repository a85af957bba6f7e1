package org.assemblyhub.breakout.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One breakout group: its number (1-based), its facilitators (either may be null when too few are present), its
 * members.
 */
public record Group(int number, String leadFacilitator, String coFacilitator, List<String> members)
        implements Serializable {
    public Group {
        members = List.copyOf(members);
    }

    /** Whether this person is one of its facilitators. */
    public boolean facilitatedBy(String personId) {
        return personId != null && (personId.equals(leadFacilitator) || personId.equals(coFacilitator));
    }

    /** Whether this person sits in it: a member or one of its facilitators (visitors are not seated). */
    public boolean seats(String personId) {
        return personId != null && (members.contains(personId) || facilitatedBy(personId));
    }
}
