package org.assemblyhub.sortition.domain;

import java.util.Arrays;

/** A set of people by pool index, kept sorted so that equal panels are equal records. */
public record Panel(int[] members) implements Comparable<Panel> {
    public Panel {
        members = members.clone();
        Arrays.sort(members);
    }

    public boolean contains(int person) {
        return Arrays.binarySearch(members, person) >= 0;
    }

    public int size() {
        return members.length;
    }

    @Override
    public int[] members() {
        return members.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Panel p && Arrays.equals(members, p.members);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(members);
    }

    @Override
    public int compareTo(Panel other) {
        return Arrays.compare(members, other.members);
    }

    @Override
    public String toString() {
        return "Panel" + Arrays.toString(members);
    }
}
