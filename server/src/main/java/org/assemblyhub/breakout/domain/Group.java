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
}
