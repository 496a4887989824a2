package dev.atrium.platform.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DevelopmentModeTest {

    @Test
    void aDevelopmentOnlySettingStopsAServerThatIsNotInDevelopmentMode() {
        DevelopmentMode production = new DevelopmentMode();
        production.on = false;
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> production.require("atrium.identity.temporary-passwords", true));
        assertTrue(refused.getMessage().contains("atrium.identity.temporary-passwords"), refused::getMessage);
        assertDoesNotThrow(() -> production.require("atrium.identity.temporary-passwords", false));

        DevelopmentMode development = new DevelopmentMode();
        development.on = true;
        assertDoesNotThrow(() -> development.require("atrium.identity.temporary-passwords", true));
    }
}
