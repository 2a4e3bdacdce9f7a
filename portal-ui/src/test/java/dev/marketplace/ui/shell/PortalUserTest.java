package dev.marketplace.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PortalUserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "developer|/developer",
            "developer provider admin|/developer",
            "admin finance|/finance",
            "admin|/admin",
            "provider finance|/provider",
            "offline_access|/",
            "''|/"})
    void homeIsTheFirstPortalRole(String roles, String home) {
        Set<String> set = roles.isBlank() ? Set.of() : Set.of(roles.split(" "));
        assertEquals(home, new PortalUser("ann", null, set).homePath());
    }

    @Test
    void rolesCannotChangeAfterSignIn() {
        Set<String> roles = new HashSet<>(Set.of("developer"));
        PortalUser user = new PortalUser("ann", "ann@example.com", roles);
        roles.add("admin");
        assertEquals(Set.of("developer"), user.roles());
        assertThrows(UnsupportedOperationException.class, () -> user.roles().add("admin"));
    }

    @Test
    void readsOnlyAPortalUserFromTheSession() {
        PortalUser user = new PortalUser("ann", null, Set.of());
        assertEquals(user, CurrentUser.read(user).orElseThrow());
        assertEquals(false, CurrentUser.read("ann").isPresent());
        assertEquals(false, CurrentUser.read(null).isPresent());
    }
}
