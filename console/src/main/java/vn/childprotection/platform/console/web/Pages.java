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
import vn.childprotection.platform.console.identity.ActorOidcUserService;
import vn.childprotection.platform.console.identity.Permissions;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.ResponseAction;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
        model.addAttribute("severities", List.of("EMERGENCY", "HIGH", "NORMAL"));
        model.addAttribute("relationships", Arrays.stream(ReporterRelationship.values()).map(Enum::name).toList());
        model.addAttribute("agencies", AGENCIES);
        model.addAttribute("referralRoles", List.of("PRIMARY", "SUPPORTING", "INFORMED"));
        return "report-new";
    }

    /** An officer's referrals: tabs, countdowns, filters; the list from referral-service through the relay. */
    @GetMapping("/inbox")
    String inbox(Model model) {
        names(model);
        model.addAttribute("tabs", List.of("new", "progress", "overdue", "done"));
        return "inbox";
    }

    /** One referral with what its agency needs to act and the actions allowed now. */
    @GetMapping("/referrals/{referralId}")
    String referral(@PathVariable UUID referralId, Model model) {
        names(model);
        model.addAttribute("referralId", referralId.toString());
        model.addAttribute("actions", Arrays.stream(ResponseAction.values()).map(Enum::name).toList());
        model.addAttribute("reasonCodes", Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
        model.addAttribute("outcomes", Arrays.stream(ReferralOutcome.values()).map(Enum::name).toList());
        model.addAttribute("sexes", List.of("UNKNOWN", "FEMALE", "MALE"));
        return "referral";
    }

    private static void names(Model model) {
        model.addAttribute("agencies", AGENCIES);
        model.addAttribute("statuses", Arrays.stream(ReferralStatus.values()).map(Enum::name).toList());
        model.addAttribute("concerns", Arrays.stream(Concern.values()).map(Enum::name).toList());
        model.addAttribute("severities", List.of("EMERGENCY", "HIGH", "NORMAL"));
        model.addAttribute("referralRoles", List.of("PRIMARY", "SUPPORTING", "INFORMED"));
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
