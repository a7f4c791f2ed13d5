package vn.childprotection.platform.console.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.childprotection.platform.console.fixtures.Signed;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorOidcUserServiceTest {

    @Test
    void a_person_whose_claims_map_to_an_actor_gets_the_authorities_of_what_their_roles_permit() {
        OidcUser user = new ActorOidcUserService(request -> provided(Signed.claims(TestActor.ANALYST_11)))
                .loadUser(null);

        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ANALYST", "OPERATION_READ_FIGURES", "OPERATION_EXPORT_FIGURES");
        assertThat(user.getName()).isEqualTo(TestActor.ANALYST_11.subject());
    }

    @Test
    void a_person_without_a_role_of_the_platform_is_refused_at_the_sign_in() {
        Map<String, Object> claims = Signed.claims(TestActor.ANALYST_11.withRoles("offline_access"));
        ActorOidcUserService users = new ActorOidcUserService(request -> provided(claims));

        assertThatThrownBy(() -> users.loadUser(null)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                refused -> assertThat(refused.getError().getErrorCode())
                        .isEqualTo(ActorOidcUserService.NO_PLATFORM_ROLE));
    }

    @Test
    void a_role_without_the_scope_it_needs_is_refused_never_widened() {
        Map<String, Object> claims = Signed.claims(TestActor.ANALYST_11.withProvinces());

        assertThatThrownBy(() -> new ActorOidcUserService(request -> provided(claims)).loadUser(null))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static OidcUser provided(Map<String, Object> claims) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token").claims(all -> all.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return new DefaultOidcUser(List.of(), token);
    }
}
