package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;

/** The informant as reported, for a coordinator's audited reveal; all empty for an anonymous informant. */
@Schema(description = "The informant's contact as reported (break-glass; the reveal is audited with its reason)")
public record InformantResponse(boolean anonymous, String fullName, String phone, ReporterRelationship relationship,
                                boolean wantsFeedback) {

    static InformantResponse of(Reporter reporter) {
        if (reporter == null) {
            return new InformantResponse(true, null, null, null, false);
        }
        return new InformantResponse(reporter.anonymous(), reporter.fullName(), reporter.phone(),
                reporter.relationship(), reporter.wantsFeedback());
    }
}
