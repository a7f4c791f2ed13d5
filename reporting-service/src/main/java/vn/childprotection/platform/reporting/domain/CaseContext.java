package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.ContactType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The details of a case copied onto each of its referral facts, so that referrals are filtered by the same
 * province, district and reception date as cases without a join.
 */
public record CaseContext(String provinceCode, String districtCode, Instant receivedAt, LocalDate receivedDate,
                          ContactType contactType) {
}
