package vn.childprotection.platform.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;

import java.util.List;
import java.util.UUID;

/**
 * The request body, for the OpenAPI document only: the body is read field by field by {@link ReportReader}, which
 * enforces exactly this shape (unknown fields are rejected).
 */
@Schema(name = "Report", description = "A hotline report. Personal data (names, phone, narrative) is only kept "
        + "where the case needs it and never appears in logs, keys or headers.")
record ReportRequestSchema(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Chosen by the caller; the idempotency key")
        UUID reportId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", example = "2026-11-20T09:15:00+07:00",
                description = "When the hotline received the report, with its offset; not in the future, not older "
                        + "than the configured maximum age. Its day in Vietnam (Asia/Ho_Chi_Minh) decides the "
                        + "administrative map the location is read on: VN-2024 until 30 June 2025, VN-2025 from "
                        + "1 July 2025, VN-2026-04 (the same codes) from 30 April 2026")
        String receivedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Channel channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "COUNSELLING is counted, never referred; INTERVENTION is routed") ContactType contactType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "One or more, each once") List<Concern> concerns,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Severity severity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocationSchema location,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ChildSchema child,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReporterSchema reporter,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 10_000,
                description = "What the informant said, usually in Vietnamese; line breaks allowed") String narrative) {

    @Schema(name = "Location", description = """
            Official administrative unit codes (General Statistics Office) of the map in force on the day of \
            receivedAt: until 30 June 2025 the three-level map (63 provinces, districts, communes); from 1 July 2025 \
            the two-level map (34 provinces, 3,321 communes, wards and special zones; no districts). Codes that \
            name no place on that map are read on the other one and mapped where that is unambiguous (the 202's \
            placement says so); codes that name no place on either, or places that do not fit together, are a \
            400 naming the field.""")
    record LocationSchema(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^\\d{2}$", example = "11",
                    description = "A province of the map in force on receivedAt (from 1 July 2025: one of the 34; "
                            + "a province merged then is mapped to the province it became part of)")
            String provinceCode,
            @Schema(pattern = "^\\d{3}$", example = "094", description = "Only for a receivedAt before 1 July 2025: "
                    + "a district of the province. On or after 1 July 2025 omit it (districts were abolished); a "
                    + "district given then is read with the other codes on the old map and mapped, and the answer "
                    + "says so")
            String districtCode,
            @Schema(pattern = "^\\d{5}$", example = "03127", description = "A commune, ward or special zone of the "
                    + "province on the map in force on receivedAt (from 1 July 2025: one of the 3,321 of the "
                    + "two-level map, e.g. 03127 Phường Điện Biên Phủ in province 11); optional")
            String communeCode) {
    }

    @Schema(name = "Child")
    record ChildSchema(@Schema(maxLength = 200, example = "Nguyễn Thị Hoa") String fullName,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Sex sex,
                       @Schema(minimum = "0", maximum = "17") Integer ageYears) {
    }

    @Schema(name = "Reporter", description = "The informant")
    record ReporterSchema(@Schema(maxLength = 200) String fullName,
                          @Schema(example = "0912345678") String phone,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReporterRelationship relationship,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "true: fullName and "
                                  + "phone are dropped unread, kept and published nowhere") boolean anonymous,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                  description = "The outcome goes back to the informant unless anonymous (S0 Art 7.2)") boolean wantsFeedback) {
    }
}
