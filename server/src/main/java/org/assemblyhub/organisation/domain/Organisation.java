package org.assemblyhub.organisation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An association, a city, a convention: its administrators and its assemblies. Several share one hub, and nothing of
 * one is ever shown to another's administrators (the HTTP side checks every request against the administrator's own
 * organisation).
 */
public record Organisation(String id, String name, List<Admin> admins, List<OrgAssembly> assemblies) {
    public static final int MAX_ADMINS = 50;
    public static final int MAX_ASSEMBLIES = 500;

    public Organisation {
        admins = admins == null ? List.of() : List.copyOf(admins);
        assemblies = assemblies == null ? List.of() : List.copyOf(assemblies);
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
        return new Organisation(id, name, more, assemblies);
    }

    public Organisation withAssembly(OrgAssembly assembly) {
        List<OrgAssembly> more = new ArrayList<>(assemblies);
        more.add(assembly);
        return new Organisation(id, name, admins, more);
    }
}
