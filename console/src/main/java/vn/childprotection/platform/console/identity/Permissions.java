package vn.childprotection.platform.console.identity;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.childprotection.platform.access.AccessPolicy;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a signed-in person may do, as {@link AccessPolicy} says for their roles: the operations, and the authorities
 * the console's own rules check ({@code OPERATION_READ_FIGURES} opens the dashboard). Whether their scope reaches a
 * given province is for the service that holds the data to decide.
 */
public final class Permissions {

    public static final String OPERATION = "OPERATION_";
    public static final String ROLE = "ROLE_";

    private Permissions() {
    }

    /** The operations one of the actor's roles permits, in {@link Operation} order. */
    public static List<Operation> of(Actor actor) {
        return Arrays.stream(Operation.values())
                .filter(operation -> actor.roles().stream().anyMatch(role -> AccessPolicy.permits(role, operation)))
                .toList();
    }

    /** {@code ROLE_<role>} for each role and {@code OPERATION_<operation>} for each permitted operation. */
    public static List<GrantedAuthority> authorities(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : actor.roles()) {
            authorities.add(new SimpleGrantedAuthority(ROLE + role.name()));
        }
        for (Operation operation : of(actor)) {
            authorities.add(new SimpleGrantedAuthority(authority(operation)));
        }
        return authorities;
    }

    public static String authority(Operation operation) {
        return OPERATION + operation.name();
    }
}
