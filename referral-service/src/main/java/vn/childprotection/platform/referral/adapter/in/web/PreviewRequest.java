package vn.childprotection.platform.referral.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.domain.RoutingEnvironment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The intake report's shape, reduced to what routing needs: no names, phones or narrative are needed (any other
 * field of the intake report is ignored and never stored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A report to route without creating anything; personal data is neither needed nor kept")
public record PreviewRequest(
        @NotNull OffsetDateTime receivedAt,
        @NotNull ContactType contactType,
        @NotEmpty List<@NotNull Concern> concerns,
        @NotNull Severity severity,
        @NotNull @Valid LocationBody location,
        @Valid ChildBody child) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LocationBody(@NotBlank @Pattern(regexp = "[0-9]{2}") String provinceCode,
                               @Pattern(regexp = "[0-9]{3}") String districtCode,
                               @Pattern(regexp = "[0-9]{5}") String communeCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChildBody(@Min(0) @Max(17) Integer ageYears) {
    }

    RoutingEnvironment.Request toRequest() {
        return new RoutingEnvironment.Request(null, receivedAt, contactType, concerns, severity,
                new Location(location.provinceCode(), location.districtCode(), location.communeCode()),
                child == null ? null : child.ageYears());
    }
}
