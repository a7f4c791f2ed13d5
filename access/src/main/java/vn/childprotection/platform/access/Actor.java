package vn.childprotection.platform.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking, as the edge mapped it from a verified token ({@link ActorClaims}): never from a request body.
 *
 * @param subject   the token's subject (a person's or a machine client's account)
 * @param client    the client the token was issued to
 * @param roles     the platform roles; empty never (the mapping refuses such a token)
 * @param provinces GSO province codes, or {@link #NATIONAL} alone for every province
 * @param agency    the agency code for officers and agency systems, otherwise {@code null}
 * @param unit      an officer's unit ({@code 11-POLICE}, {@code 11-094-POLICE}); {@code null} for an agency system,
 *                  which answers for every unit of its agency in its provinces
 */
public record Actor(String subject, String client, Set<Role> roles, Set<String> provinces, String agency,
                    String unit) {

    public static final String NATIONAL = "*";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        provinces = Collections.unmodifiableSet(new TreeSet<>(provinces));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean national() {
        return provinces.contains(NATIONAL);
    }

    public boolean coversProvince(String province) {
        return province != null && (national() || provinces.contains(province));
    }

    /**
     * Whether a referral addressed to {@code referralUnit} is this actor's to see and answer: an officer's own unit
     * and the units under it (a provincial {@code 11-POLICE} oversees the commune police {@code 11-03127-POLICE});
     * an agency system's agency in its provinces. Unit ids are {@code <province>[-<district or commune>]-<AGENCY>}
     * (the agency directory).
     */
    public boolean coversUnit(String referralUnit) {
        if (referralUnit == null || agency == null || !referralUnit.endsWith("-" + agency)) {
            return false;
        }
        String place = placeOf(referralUnit);
        if (unit != null) {
            String own = unitPlace();
            return place.equals(own) || place.startsWith(own + "-");
        }
        String province = place.contains("-") ? place.substring(0, place.indexOf('-')) : place;
        return coversProvince(province);
    }

    /** The place of an officer's unit: {@code 11} for {@code 11-POLICE}, {@code 11-094} for {@code 11-094-POLICE}. */
    public String unitPlace() {
        return unit == null ? null : placeOf(unit);
    }

    /** A unit id of this actor's agency without the agency: its place. */
    private String placeOf(String unitId) {
        return unitId.substring(0, unitId.length() - agency.length() - 1);
    }
}
