package io.leadflow.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerSubjectTest {

    @Test
    void aTokensCallerIsNamedByItsSubjectNotByTheNameTheUserMayEdit() {
        JsonWebToken token = token("ana.preferred", Map.of("sub", "f3b2c1d0-rep-ana", "preferred_username", "ana.preferred"));

        assertThat(CallerSubject.of(token)).isEqualTo("f3b2c1d0-rep-ana");
    }

    @Test
    void aTokenWithoutASubjectFallsBackToThePrincipalsName() {
        assertThat(CallerSubject.of(token("ana", Map.of()))).isEqualTo("ana");
        assertThat(CallerSubject.of(token("ana", Map.of("sub", " ")))).isEqualTo("ana");
    }

    @Test
    void aCallerWithoutAJwtIsNamedByItsPrincipal() {
        Principal basic = () -> "operator";

        assertThat(CallerSubject.of(basic)).isEqualTo("operator");
    }

    private static JsonWebToken token(String name, Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
