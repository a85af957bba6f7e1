package org.assemblyhub.kernel;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Someone on the roster. {@code contact} and {@code attributes} (gender, age band, area...) are personal data:
 * only organisers ever see them.
 */
public record Person(String id, String displayName, String contact, Role role, Map<String, String> attributes)
        implements Serializable {
    /**
     * What stands for the name of a person who was erased (the screens say "erased member" in their reader's
     * language); their contact is then null and their attributes empty.
     */
    public static final String ERASED_NAME = "⟨erased member⟩";
    /** What stands for a text its writer's erasure took away (the screens say so in their reader's language). */
    public static final String ERASED_TEXT = "⟨erased⟩";

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** This person's personal fields where the record holding them is at {@code pointer} (e.g. "/people/3"). */
    public List<PersonalField> personalFields(String pointer) {
        return List.of(
                new PersonalField(id, pointer + "/displayName", ERASED_NAME),
                new PersonalField(id, pointer + "/contact", null),
                new PersonalField(id, pointer + "/attributes", Map.of()));
    }

    public boolean erased() {
        return ERASED_NAME.equals(displayName);
    }
}
