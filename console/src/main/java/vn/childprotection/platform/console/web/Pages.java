package vn.childprotection.platform.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.childprotection.platform.access.ActorClaims;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.console.identity.ActorOidcUserService;
import vn.childprotection.platform.console.identity.Permissions;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Sex;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The console's pages: who the signed-in person is and what they may do (the home page), the sign-in page and the
 * page after signing out. The dashboard itself is static ({@code /dashboard/}, from the dashboard module).
 */
@Controller
public class Pages {

    /** The agencies whose names the pages show (the national seven and those the provinces' rulesets add). */
    private static final List<String> AGENCIES = List.of("SOCIAL_AFFAIRS", "POLICE", "HEALTH", "EDUCATION",
            "JUSTICE", "YOUTH_UNION", "WOMENS_UNION", "PROCURACY", "COURT", "COMMUNE_PC", "CULTURE_SPORTS_TOURISM",
            "INFORMATION_COMMUNICATIONS");
    private static final List<String> SEVERITIES = List.of("EMERGENCY", "HIGH", "NORMAL");
    private static final Map<String, Codes> CODES = codeNames();

    /** The codes whose names in the page's language every page's scripts may need, by kind. */
    @ModelAttribute("codes")
    Map<String, Codes> codes() {
        return CODES;
    }

    @ModelAttribute("lang")
    String language(HttpServletRequest request) {
        return LanguageSwitch.of(RequestContextUtils.getLocale(request));
    }

    /** The operations the signed-in person may do ({@code OPERATION_…} authorities): the header shows their pages. */
    @ModelAttribute("may")
    Set<String> may(Authentication authentication) {
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Permissions.OPERATION))
                .map(a -> a.substring(Permissions.OPERATION.length())).collect(Collectors.toSet());
    }

    /** The names of a kind of code: the message key prefix and the codes. */
    public record Codes(String prefix, List<String> values) {

        static Codes of(String prefix, Enum<?>[] values) {
            return new Codes(prefix, Arrays.stream(values).map(Enum::name).toList());
        }
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        return switch (ActorClaims.map(user.getClaims())) {
            case ActorClaims.Mapped mapped -> {
                model.addAttribute("me", WhoAmI.of(user, mapped.actor()));
                yield "home";
            }
            // the sign-in refuses such a token; a session that holds one anyway sees nothing
            case ActorClaims.Refused refused -> throw new AccessDeniedException(refused.reason());
        };
    }

    /**
     * The operator's form for a report taken on a live call: its texts from the page's language, its data (areas,
     * the routing preview, the submission) through the relay.
     */
    @GetMapping("/reports/new")
    String newReport(Model model) {
        model.addAttribute("concerns", Arrays.stream(Concern.values()).map(Enum::name).toList());
        model.addAttribute("severities", SEVERITIES);
        model.addAttribute("relationships", Arrays.stream(ReporterRelationship.values()).map(Enum::name).toList());
        return "report-new";
    }

    /** An officer's referrals: tabs, countdowns, filters; the list from referral-service through the relay. */
    @GetMapping("/inbox")
    String inbox(Model model) {
        model.addAttribute("concerns", Arrays.stream(Concern.values()).map(Enum::name).toList());
        model.addAttribute("severities", SEVERITIES);
        model.addAttribute("tabs", List.of("new", "progress", "overdue", "done"));
        return "inbox";
    }

    /** One referral with what its agency needs to act and the actions allowed now. */
    @GetMapping("/referrals/{referralId}")
    String referral(@PathVariable UUID referralId, Model model) {
        model.addAttribute("referralId", referralId.toString());
        model.addAttribute("reasonCodes", Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
        model.addAttribute("outcomes", Arrays.stream(ReferralOutcome.values()).map(Enum::name).toList());
        model.addAttribute("agencies", AGENCIES);
        return "referral";
    }

    /** The operator's reports of the last 24 hours (referral-service gives an operator only its own). */
    @GetMapping("/reports/mine")
    String myReports() {
        return "reports-mine";
    }

    /**
     * The coordinator's province: the triage queue, escalations with their clocks, overdue referrals, failed
     * notifications with re-send, and the case search.
     */
    @GetMapping("/workspace")
    String workspace(Model model) {
        model.addAttribute("concerns", Arrays.stream(Concern.values()).map(Enum::name).toList());
        model.addAttribute("caseStatuses", Arrays.stream(CaseStatus.values()).map(Enum::name).toList());
        return "workspace";
    }

    /** One case: its referrals with their timelines, escalations, notifications, and the informant's reveal. */
    @GetMapping("/cases/{caseId}")
    String caseView(@PathVariable UUID caseId, Model model) {
        model.addAttribute("caseId", caseId.toString());
        return "case";
    }

    /** The audit trail with filters, its CSV export and the chains' verification. */
    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("auditActions", Stream.concat(Arrays.stream(Operation.values()).map(Enum::name),
                Stream.of("AUTHENTICATE")).toList());
        return "audit";
    }

    private static Map<String, Codes> codeNames() {
        Map<String, Codes> codes = new LinkedHashMap<>();
        codes.put("agency", new Codes("agency.", AGENCIES));
        codes.put("status", Codes.of("referralStatus.", ReferralStatus.values()));
        codes.put("caseStatus", Codes.of("caseStatus.", CaseStatus.values()));
        codes.put("concern", Codes.of("concern.", Concern.values()));
        codes.put("severity", new Codes("report.severity.", SEVERITIES));
        codes.put("role", Codes.of("referralRole.", ReferralRole.values()));
        codes.put("action", Codes.of("action.", ResponseAction.values()));
        codes.put("reasonCode", Codes.of("reasonCode.", ReasonCode.values()));
        codes.put("outcome", Codes.of("outcome.", ReferralOutcome.values()));
        codes.put("sex", Codes.of("report.sex.", Sex.values()));
        codes.put("contact", Codes.of("report.contact.", ContactType.values()));
        codes.put("relationship", Codes.of("report.relationship.", ReporterRelationship.values()));
        codes.put("deadline", Codes.of("deadline.", EscalationRaised.DeadlineKind.values()));
        codes.put("deadlineState", new Codes("deadlineState.", List.of("PENDING", "MET", "OVERDUE", "ESCALATED",
                "STOPPED")));
        codes.put("notificationKind", Codes.of("notificationKind.", NotificationKind.values()));
        codes.put("notificationStatus", new Codes("notificationStatus.", List.of("PENDING", "DELIVERED",
                "FAILED")));
        codes.put("recipient", new Codes("recipient.", List.of("FOCAL_POINT", "BACKUP_FOCAL_POINT", "COORDINATOR",
                "AGENCY_SYSTEM", "INFORMANT")));
        codes.put("rejection", new Codes("rejection.", List.of("transition-not-allowed", "wrong-agency",
                "duplicate-response", "unknown-referral", "case-mismatch", "forward-target-invalid", "missing-reason",
                "missing-forward-target", "missing-outcome")));
        codes.put("channel", new Codes("channel.", List.of("RECORDED", "WEBHOOK", "EMAIL", "SMS")));
        return Collections.unmodifiableMap(codes);
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            model.addAttribute("failure", failure(request.getSession(false)));
        }
        return "login";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    @GetMapping("/dashboard")
    String dashboardWithSlash() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard/")
    String dashboard() {
        return "forward:/dashboard/index.html";
    }

    /** Why the last sign-in failed: {@code noRole} (the account has no role here) or {@code failed}. */
    private static String failure(HttpSession session) {
        Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        return last instanceof OAuth2AuthenticationException e
                && ActorOidcUserService.NO_PLATFORM_ROLE.equals(e.getError().getErrorCode()) ? "noRole" : "failed";
    }
}
