package org.assemblyhub.kernel;

import java.util.List;

/**
 * An event that holds personal data — names, contacts and attributes of people, free text a person wrote under their
 * name — said field by field, so that the journal can seal each under its person's key (crypto-shredding: erasing a
 * person deletes their key, and every replay then reads the erased values instead).
 */
public interface PersonalData {
    List<PersonalField> personalFields();

    /** A person's text field ({@code pointer}), read as {@link Person#ERASED_TEXT} once they are erased. */
    static PersonalField text(String personId, String pointer) {
        return new PersonalField(personId, pointer, Person.ERASED_TEXT);
    }
}
