package dev.atrium.platform.tenancy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atrium.platform.errors.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "north-field", "a1b2c3", "school-2026", "abcdefghijabcdefghijabcdefghijabcdefghij"})
    void acceptsLowerCaseLettersDigitsAndSingleHyphens(String slug) {
        assertEquals(slug, TenantSlug.of(slug).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ab",
                "Abc",
                "1abc",
                "-abc",
                "abc-",
                "a--b",
                "a_b",
                "a b",
                "abc;",
                "a'b",
                "ünï",
                "abcdefghijabcdefghijabcdefghijabcdefghijk",
                "api",
                "admin",
                "www",
                "platform"
            })
    void refusesEverythingElse(String slug) {
        assertThrows(InvalidRequestException.class, () -> TenantSlug.of(slug));
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidRequestException.class, () -> TenantSlug.of(null));
    }

    @Test
    void derivesSchemaAndClientNames() {
        TenantSlug slug = TenantSlug.of("north-field");
        assertEquals("t_north_field", slug.schemaName());
        assertEquals("tenant-north-field", slug.clientId());
    }
}
