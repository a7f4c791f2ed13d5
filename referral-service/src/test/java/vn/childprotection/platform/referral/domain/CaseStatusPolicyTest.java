package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ResponseAction;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.contracts.ReferralRole.INFORMED;
import static vn.childprotection.platform.contracts.ReferralRole.PRIMARY;
import static vn.childprotection.platform.contracts.ReferralRole.SUPPORTING;
import static vn.childprotection.platform.contracts.ReferralStatus.ACCEPTED;
import static vn.childprotection.platform.contracts.ReferralStatus.ACKNOWLEDGED;
import static vn.childprotection.platform.contracts.ReferralStatus.COMPLETED;
import static vn.childprotection.platform.contracts.ReferralStatus.DECLINED;
import static vn.childprotection.platform.contracts.ReferralStatus.FORWARDED;
import static vn.childprotection.platform.contracts.ReferralStatus.ISSUED;

/** The case status derived from its referrals (a pure function). */
class CaseStatusPolicyTest {

    @Test
    void aCaseWithoutReferralsIsRecorded() {
        assertThat(CaseStatusPolicy.derive(List.of())).isEqualTo(CaseStatus.RECORDED);
    }

    @Test
    void aCaseWhoseOpenReferralsAreAllIssuedIsReferred() {
        assertThat(derive(r(PRIMARY, ISSUED), r(SUPPORTING, ISSUED), r(INFORMED, ISSUED)))
                .isEqualTo(CaseStatus.REFERRED);
    }

    @Test
    void aCaseWithAnAcknowledgedAcceptedOrWorkingReferralIsInProgress() {
        assertThat(derive(r(PRIMARY, ACKNOWLEDGED), r(SUPPORTING, ISSUED))).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(derive(r(PRIMARY, ISSUED), r(SUPPORTING, ACCEPTED))).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(derive(r(PRIMARY, ReferralStatus.IN_PROGRESS))).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void aCaseWithSomeReferralsCompletedAndOthersOpenIsInProgress() {
        assertThat(derive(r(PRIMARY, COMPLETED), r(SUPPORTING, ISSUED))).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void aCaseIsCompletedWhenEveryActingReferralEndedAndOneCompletedWhateverTheInformedOnesDo() {
        assertThat(derive(r(PRIMARY, COMPLETED), r(SUPPORTING, DECLINED), r(SUPPORTING, FORWARDED),
                r(INFORMED, ISSUED))).isEqualTo(CaseStatus.COMPLETED);
    }

    @Test
    void aCaseWhoseReferralsAllEndedWithoutCompletingIsBackToReferred() {
        assertThat(derive(r(PRIMARY, DECLINED), r(SUPPORTING, FORWARDED))).isEqualTo(CaseStatus.REFERRED);
        assertThat(derive(r(PRIMARY, DECLINED), r(PRIMARY, ISSUED))).isEqualTo(CaseStatus.REFERRED);
    }

    @Test
    void theOutcomesAreTheDistinctOutcomesOfTheCompletedReferrals() {
        Referral first = completed(ReferralOutcome.SUPPORT_PROVIDED);
        Referral second = completed(ReferralOutcome.LEGAL_ACTION_TAKEN);
        Referral third = completed(ReferralOutcome.SUPPORT_PROVIDED);
        assertThat(CaseStatusPolicy.outcomes(List.of(first, second, third))).containsExactly(
                ReferralOutcome.SUPPORT_PROVIDED, ReferralOutcome.LEGAL_ACTION_TAKEN);
    }

    private static CaseStatus derive(Referral... referrals) {
        return CaseStatusPolicy.derive(List.of(referrals));
    }

    private static int n;

    private static Referral r(ReferralRole role, ReferralStatus status) {
        return new Referral("r" + (n++), "A" + n, role, "11", status, "rule", "v", "basis", false);
    }

    private static Referral completed(ReferralOutcome outcome) {
        Referral r = r(PRIMARY, COMPLETED);
        return r.with(COMPLETED, List.of(), List.of(new ResponseRecord("x", ResponseAction.COMPLETED, ACCEPTED,
                COMPLETED, null, null, null, null, outcome, null, Instant.EPOCH, Instant.EPOCH)));
    }
}
