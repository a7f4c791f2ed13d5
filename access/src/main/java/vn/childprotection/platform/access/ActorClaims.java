package vn.childprotection.platform.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a verified token's claims to an {@link Actor}, once, at the edge. Least privilege: a token whose scope is not
 * complete for its roles (an officer without a unit of its agency, an operator without provinces) is refused, never
 * widened; roles this platform does not know are ignored.
 */
public final class ActorClaims {

    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");

    private ActorClaims() {
    }

    /** The mapping's outcome: an actor, or why the token gives none. */
    public sealed interface Result {
    }

    public record Mapped(Actor actor) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    public static Result map(Map<String, ?> claims) {
        String subject = text(claims.get("sub"));
        if (subject == null) {
            return new Refused("the token names no subject");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : texts(claims.get("roles"))) {
            Role.ofClaim(value).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            return new Refused("the token carries no role of this platform");
        }
        Set<String> provinces = new LinkedHashSet<>(texts(claims.get("province")));
        for (String province : provinces) {
            if (!Actor.NATIONAL.equals(province) && !PROVINCE.matcher(province).matches()) {
                return new Refused("province " + province + " is not a two-digit GSO code or " + Actor.NATIONAL);
            }
        }
        if (provinces.contains(Actor.NATIONAL) && provinces.size() > 1) {
            return new Refused("a national scope (" + Actor.NATIONAL + ") stands alone");
        }
        String agency = text(claims.get("agency"));
        String unit = text(claims.get("unit"));
        for (Role role : roles) {
            String missing = switch (role) {
                case OPERATOR, COORDINATOR, ANALYST -> provinces.isEmpty() ? "provinces" : null;
                case AGENCY_OFFICER -> agency == null ? "agency"
                        : unit == null || !unit.endsWith("-" + agency) ? "a unit of agency " + agency : null;
                case AGENCY_SYSTEM -> agency == null ? "agency" : provinces.isEmpty() ? "provinces" : null;
                case ADMIN, AUDITOR -> null;
            };
            if (missing != null) {
                return new Refused("role " + role.claim() + " needs " + missing + " in the token");
            }
        }
        if (unit != null && agency != null && !roles.contains(Role.AGENCY_OFFICER)) {
            unit = null; // a unit scopes officers only
        }
        String client = text(claims.get("azp"));
        return new Mapped(new Actor(subject, client, roles, provinces, agency, unit));
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> texts(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(one -> {
                String text = text(one);
                if (text != null) values.add(text);
            });
        } else if (text(value) != null) {
            values.add(text(value));
        }
        return values;
    }
}
