package org.assemblyhub.organisation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An association, a city, a convention: its administrators and its assemblies. Several share one hub, and nothing of
 * one is ever shown to another's administrators (the HTTP side checks every request against the administrator's own
 * organisation).
 */
public record Organisation(String id, String name, List<Admin> admins, List<OrgAssembly> assemblies, int adminsEver) {
    public static final int MAX_ADMINS = 50;
    public static final int MAX_ASSEMBLIES = 500;

    /**
     * {@code adminsEver}: how many administrators it has had (0 in documents kept before it was counted), so that a
     * removed administrator's id — and with it their organiser seats ({@code admin-<id>}) — is never given again.
     */
    public Organisation {
        admins = admins == null ? List.of() : List.copyOf(admins);
        assemblies = assemblies == null ? List.of() : List.copyOf(assemblies);
        // A document kept before the count reads 0: its administrators' own ids say how many it has had at least.
        for (Admin a : admins) adminsEver = Math.max(adminsEver, numberOf(a.id()));
    }

    public Organisation(String id, String name, List<Admin> admins, List<OrgAssembly> assemblies) {
        this(id, name, admins, assemblies, admins == null ? 0 : admins.size());
    }

    public Optional<Admin> adminByTokenHash(String tokenHash) {
        return admins.stream().filter(a -> a.tokenHash().equals(tokenHash)).findFirst();
    }

    public Optional<OrgAssembly> assembly(String assemblyId) {
        return assemblies.stream().filter(a -> a.id().equals(assemblyId)).findFirst();
    }

    public Organisation withAdmin(Admin admin) {
        List<Admin> more = new ArrayList<>(admins);
        more.add(admin);
        return new Organisation(id, name, more, assemblies, Math.max(adminsEver, numberOf(admin.id())));
    }

    public Optional<Admin> admin(String adminId) {
        return admins.stream().filter(a -> a.id().equals(adminId)).findFirst();
    }

    /** An id no administrator of this organisation has ever had ({@code a<n>}). */
    public String nextAdminId() {
        return "a" + (adminsEver + 1);
    }

    /** An administrator it had and no longer has (removed: ids are never given again). */
    public boolean removedAdmin(String adminId) {
        int n = numberOf(adminId);
        return n >= 1
                && n <= adminsEver
                && adminId.equals("a" + n)
                && admin(adminId).isEmpty();
    }

    /** n of an id {@code a<n>}; 0 for another form. */
    private static int numberOf(String adminId) {
        try {
            return Integer.parseInt(adminId.substring(1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return 0;
        }
    }

    public Organisation withoutAdmin(String adminId) {
        return new Organisation(
                id, name, admins.stream().filter(a -> !a.id().equals(adminId)).toList(), assemblies, adminsEver);
    }

    /** The administrator's link replaced: only the new token's hash opens the console now. */
    public Organisation withAdminToken(String adminId, String tokenHash) {
        return new Organisation(
                id,
                name,
                admins.stream()
                        .map(a -> a.id().equals(adminId) ? new Admin(a.id(), a.name(), tokenHash) : a)
                        .toList(),
                assemblies,
                adminsEver);
    }

    public Organisation withAssembly(OrgAssembly assembly) {
        List<OrgAssembly> more = new ArrayList<>(assemblies);
        more.add(assembly);
        return new Organisation(id, name, admins, more, adminsEver);
    }
}
