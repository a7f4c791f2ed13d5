package vn.childprotection.platform.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.audit.domain.AuditPage;

import java.util.List;

@Schema(name = "AuditPage", description = "One page of audit records, newest first")
public record AuditPageResponse(List<AuditRecordResponse> items,
                                @Schema(description = "Zero-based page number") int page,
                                @Schema(description = "Records per page asked for") int size,
                                @Schema(description = "Records the filters select") long total) {

    static AuditPageResponse of(AuditPage page) {
        return new AuditPageResponse(page.items().stream().map(AuditRecordResponse::of).toList(), page.page(),
                page.size(), page.total());
    }
}
