package org.assemblyhub.organisation.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An assembly of an organisation, with what its public page says of it: its languages and its dates (if known); and
 * the administrator who created it ({@code createdBy}: their id; null before it was kept), its first organiser.
 */
public record OrgAssembly(String id, List<String> languages, LocalDate startsOn, LocalDate endsOn, String createdBy) {
    public OrgAssembly {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
