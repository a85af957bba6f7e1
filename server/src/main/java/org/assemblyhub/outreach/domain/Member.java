package org.assemblyhub.outreach.domain;

import java.util.Map;

/**
 * Someone on the roster as the outreach sees them. {@code invited}: they have a link that works now;
 * {@code linkNonce}: the hub can make that link again (null for a printed link, or none); {@code erased}: their
 * personal data was erased, and the outreach forgets their address too.
 */
public record Member(
        String id,
        String name,
        String role,
        String contact,
        Map<String, String> attributes,
        boolean invited,
        String linkNonce,
        boolean erased) {
    public Member {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Member(
            String id,
            String name,
            String role,
            String contact,
            Map<String, String> attributes,
            boolean invited,
            String linkNonce) {
        this(id, name, role, contact, attributes, invited, linkNonce, false);
    }
}
