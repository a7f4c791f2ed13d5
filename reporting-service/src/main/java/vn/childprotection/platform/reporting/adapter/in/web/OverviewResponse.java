package vn.childprotection.platform.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.reporting.domain.Overview;

import java.time.Instant;
import java.util.Map;

/** The overview as the API shows it. Every map holds every known code, 0 where nothing was counted. */
@Schema(name = "Overview", description = "Headline figures for a period and province (S0 Art 9.4).")
public record OverviewResponse(
        @Schema(description = "Every contact, counselling and intervention", example = "42")
        long reports,
        @Schema(description = "Contacts per type: COUNSELLING (tư vấn) and INTERVENTION (kết nối can thiệp)",
                example = "{\"COUNSELLING\": 12, \"INTERVENTION\": 30}")
        Map<String, Long> contacts,
        @Schema(description = "Contacts opened for intervention, i.e. cases routed to agencies", example = "30")
        long cases,
        @Schema(description = "Referrals issued for the contacts counted", example = "95")
        long referrals,
        @Schema(description = "Referrals per agency code: the 7 national agencies (S0 Art 9.5 a–g), "
                + "then any other agency a province's ruleset adds")
        Map<String, Long> byAgency,
        @Schema(description = "Contacts per concern (19 codes); a contact with two concerns counts once in each")
        Map<String, Long> byConcern,
        @Schema(description = "Contacts per severity: EMERGENCY, HIGH, NORMAL")
        Map<String, Long> bySeverity,
        @Schema(description = "Contacts per channel")
        Map<String, Long> byChannel,
        @Schema(description = "Contacts per GSO province code (the provinces seen, or the one filtered on)")
        Map<String, Long> byProvince,
        @Schema(description = "Referrals per role: PRIMARY, SUPPORTING, INFORMED")
        Map<String, Long> byRole,
        @Schema(description = "When the figures were computed")
        Instant generatedAt) {

    static OverviewResponse of(Overview overview) {
        return new OverviewResponse(overview.reports(), overview.contacts(), overview.cases(), overview.referrals(),
                overview.byAgency(), overview.byConcern(), overview.bySeverity(), overview.byChannel(),
                overview.byProvince(), overview.byRole(), overview.generatedAt());
    }
}
