package vn.childprotection.platform.referral.adapter.out.mongo;

import org.springframework.data.mongodb.core.query.Criteria;
import vn.childprotection.platform.access.QueryScope;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A caller's {@link QueryScope} as store criteria, so that lists are narrowed in the query itself. Unit ids are
 * {@code <province>[-<district>…]-<AGENCY>}: an officer of {@code 11-POLICE} reaches the units whose id starts with its
 * place and ends with its agency, an agency system those of its agency in its provinces.
 */
final class ScopeCriteria {

    private static final Pattern SAFE_PLACE = Pattern.compile("[0-9A-Za-z]+(-[0-9A-Za-z]+)*");
    private static final Pattern SAFE_AGENCY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern SAFE_PROVINCE = Pattern.compile("[0-9]{2}");
    private static final String MORE_PLACES = "(-[0-9A-Za-z]+)*-";

    private ScopeCriteria() {
    }

    /** The cases the scope reaches; empty when it reaches none (the query need not run). */
    static Optional<Criteria> cases(QueryScope scope, String unitsField) {
        return switch (scope) {
            case QueryScope.Everything ignored -> Optional.of(new Criteria());
            case QueryScope.Provinces(var codes) -> Optional.of(where(CaseDocument.PROVINCE).in(codes));
            case QueryScope.AgencyUnits units -> unitPattern(units).map(pattern -> where(unitsField).regex(pattern));
            case QueryScope.SubmittedBy(var subject, var since) ->
                    Optional.of(where(CaseDocument.SUBMITTED_BY).is(subject).and(CaseDocument.OPENED_AT).gte(since));
            case QueryScope.Nothing ignored -> Optional.empty();
        };
    }

    /** The unit ids an agency scope reaches, as an anchored pattern; empty for a scope no unit id can match. */
    static Optional<String> unitPattern(QueryScope.AgencyUnits units) {
        String agency = units.agency();
        if (agency == null || !SAFE_AGENCY.matcher(agency).matches()) {
            return Optional.empty();
        }
        if (units.unitPlace() != null) {
            return SAFE_PLACE.matcher(units.unitPlace()).matches()
                    ? Optional.of("^" + units.unitPlace() + MORE_PLACES + agency + "$") : Optional.empty();
        }
        if (units.provinces().contains(vn.childprotection.platform.access.Actor.NATIONAL)) {
            return Optional.of("^[0-9A-Za-z]+" + MORE_PLACES + agency + "$");
        }
        String provinces = units.provinces().stream().filter(p -> SAFE_PROVINCE.matcher(p).matches()).sorted()
                .collect(Collectors.joining("|"));
        return provinces.isEmpty() ? Optional.empty()
                : Optional.of("^(" + provinces + ")" + MORE_PLACES + agency + "$");
    }
}
