package vn.childprotection.platform.console.web;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Role;
import vn.childprotection.platform.console.identity.Permissions;

import java.util.List;

/**
 * What the home page shows of the signed-in person: their name, roles, scope and the operations their roles permit.
 *
 * @param name       the name the provider gives ({@code name}), else the user name
 * @param username   {@code preferred_username}
 * @param roles      the platform roles
 * @param national   whether the scope is every province
 * @param provinces  GSO codes of the provinces in scope (empty when national or when the roles have none)
 * @param agency     the agency code, or null
 * @param unit       the officer's unit, or null
 * @param operations what the roles permit
 */
public record WhoAmI(String name, String username, List<Role> roles, boolean national, List<String> provinces,
                     String agency, String unit, List<Operation> operations) {

    public static WhoAmI of(OidcUser user, Actor actor) {
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : actor.subject();
        String name = user.getFullName() != null && !user.getFullName().isBlank() ? user.getFullName() : username;
        List<String> provinces = actor.national() ? List.of() : List.copyOf(actor.provinces());
        return new WhoAmI(name, username, List.copyOf(actor.roles()), actor.national(), provinces, actor.agency(),
                actor.unit(), Permissions.of(actor));
    }

    public boolean may(Operation operation) {
        return operations.contains(operation);
    }

    public boolean mayReadFigures() {
        return may(Operation.READ_FIGURES);
    }
}
