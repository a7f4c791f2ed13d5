package vn.childprotection.platform.intake.domain;

import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.Severity;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A report as the operator submitted it, before the rules of {@link ReportPolicy} are checked. Fields the request
 * did not carry, or carried in a form that could not be read, are null (the reader already named those).
 */
public record ReportDraft(
        UUID reportId,
        OffsetDateTime receivedAt,
        Channel channel,
        ContactType contactType,
        List<Concern> concerns,
        Severity severity,
        Location location,
        Child child,
        Reporter reporter,
        String narrative) {

    /**
     * The canonical form of the report, the one that is checked, fingerprinted and published: every text in Unicode
     * NFC (Vietnamese typed on different keyboards arrives precomposed or with combining marks, "ệ" vs "ê"+"̣"),
     * without leading or trailing white space; an optional text that is blank is absent. So the same report typed
     * twice is the same report, and the event published for it is the same bytes every time.
     *
     * <p>An anonymous informant's name and phone are dropped here, before anything is checked, stored, fingerprinted
     * or published (data minimisation): whoever chose anonymity is not identified anywhere in the platform, and no
     * outcome is sent to them (S0 Art 7.2 gives feedback to an informant who is known). Their relationship to the
     * child and the flags stay.
     */
    public ReportDraft normalized() {
        Location place = location == null ? null : new Location(
                text(location.provinceCode()), text(location.districtCode()), text(location.communeCode()));
        Child who = child == null ? null : new Child(text(child.fullName()), child.sex(), child.ageYears());
        Reporter informant = reporter == null ? null : reporter.anonymous()
                ? new Reporter(null, null, reporter.relationship(), true, reporter.wantsFeedback())
                : new Reporter(text(reporter.fullName()), text(reporter.phone()), reporter.relationship(), false,
                        reporter.wantsFeedback());
        return new ReportDraft(reportId, receivedAt, channel, contactType, concerns, severity, place, who, informant,
                text(narrative));
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String canonical = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        return canonical.isEmpty() ? null : canonical;
    }
}
