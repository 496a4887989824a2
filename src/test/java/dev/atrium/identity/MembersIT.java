package dev.atrium.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Members of a tenant: profiles for everyone, invitations, roles and removal for the tenant's admins. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersIT {

    private Tenant tenant;

    @BeforeAll
    void tenant() {
        tenant = TestTenants.onboard("mem");
    }

    @Test
    void profileIsCreatedOnFirstReadAndEditable() {
        Member student = TestTenants.invite(tenant, "student");
        Api api = student.api();

        JsonObject me = api.get(tenant.path("/members/me")).json();
        assertEquals(student.email(), me.getString("email"));
        assertEquals("student", me.getJsonArray("roles").getString(0));

        Api.Reply edited = api.patch(tenant.path("/members/me"), """
                {"displayName": "Sam Student", "bio": "Learning Java", "skills": ["java", "sql"],
                 "locale": "pt-BR", "avatarUrl": "https://example.org/sam.png"}
                """);
        assertEquals(200, edited.status(), edited::toString);
        JsonObject after = api.get(tenant.path("/members/me")).json();
        assertEquals("Sam Student", after.getString("displayName"));
        assertEquals("pt-BR", after.getString("locale"));
        assertEquals(2, after.getJsonArray("skills").size());
    }

    @Test
    void badProfileInputIsAProblemAndChangesNothing() {
        Api admin = tenant.admin().api();
        String before = admin.get(tenant.path("/members/me")).json().getString("displayName");

        for (String body : new String[] {
            "{\"avatarUrl\": \"javascript:alert(1)\"}",
            "{\"locale\": \"english\"}",
            "{\"displayName\": \"\"}",
            "{\"nickname\": \"x\"}",
            "{\"bio\": \"" + "x".repeat(3000) + "\"}",
            "{\"skills\": \"java\"}"
        }) {
            Api.Reply reply = admin.patch(tenant.path("/members/me"), body);
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
            assertTrue(reply.isProblem());
        }
        assertEquals(before, admin.get(tenant.path("/members/me")).json().getString("displayName"));
    }

    @Test
    void adminInvitesListsFiltersChangesRolesAndRemoves() {
        Api admin = tenant.admin().api();
        Member professional = TestTenants.invite(tenant, "professional");

        JsonObject professionals =
                admin.get(tenant.path("/members?role=professional")).json();
        assertTrue(professionals.getJsonArray("items").stream()
                .allMatch(m -> m.asJsonObject().getJsonArray("roles").toString().contains("professional")));
        assertEquals(
                1,
                admin.get(tenant.path("/members?q=" + professional.email().substring(0, 20)))
                        .json()
                        .getInt("total"));

        Api.Reply changed = admin.put(
                tenant.path("/members/" + professional.id() + "/roles"), "{\"roles\": [\"client\", \"advertiser\"]}");
        assertEquals(200, changed.status(), changed::toString);
        JsonObject me = professional.api().get(tenant.path("/members/me")).json();
        assertTrue(me.getJsonArray("roles").toString().contains("advertiser"), "the next token carries new roles");
        assertFalse(me.getJsonArray("roles").toString().contains("professional"));

        assertEquals(
                204, admin.delete(tenant.path("/members/" + professional.id())).status());
        assertEquals(
                404, admin.get(tenant.path("/members/" + professional.id())).status());
        assertEquals(403, professional.api().get(tenant.path("/members/me")).status(), "no longer a member");
    }

    @Test
    void reinvitingAMemberIsAConflict() {
        Member client = TestTenants.invite(tenant, "client");

        Api.Reply again = tenant.admin()
                .api()
                .post(
                        tenant.path("/members"),
                        "{\"email\": \"%s\", \"displayName\": \"Again\", \"roles\": [\"client\"]}"
                                .formatted(client.email()));

        assertEquals(409, again.status(), again::toString);
    }

    @Test
    void theLastAdminCannotBeDemotedOrRemoved() {
        Tenant own = TestTenants.onboard("last");
        Api admin = own.admin().api();

        assertEquals(
                409,
                admin.put(own.path("/members/" + own.admin().id() + "/roles"), "{\"roles\": [\"student\"]}")
                        .status());
        assertEquals(409, admin.delete(own.path("/members/" + own.admin().id())).status());
    }

    @Test
    void onlyAdminsManageMembers() {
        Member student = TestTenants.invite(tenant, "student");
        Api api = student.api();

        assertEquals(403, api.get(tenant.path("/members")).status());
        assertEquals(
                403,
                api.post(
                                tenant.path("/members"),
                                "{\"email\": \"a@b.example\", \"displayName\": \"A\", \"roles\": [\"admin\"]}")
                        .status());
        assertEquals(
                403,
                api.put(tenant.path("/members/" + student.id() + "/roles"), "{\"roles\": [\"admin\"]}")
                        .status());
        assertEquals(
                403, api.delete(tenant.path("/members/" + tenant.admin().id())).status());
        assertEquals(
                200, api.get(tenant.path("/members/" + tenant.admin().id())).status());
    }

    @Test
    void withoutATokenEveryMembersEndpointAnswers401() {
        Api anonymous = Api.anonymous();
        assertEquals(401, anonymous.get(tenant.path("/members/me")).status());
        assertEquals(401, anonymous.patch(tenant.path("/members/me"), "{}").status());
        assertEquals(401, anonymous.get(tenant.path("/members")).status());
        assertEquals(
                401,
                anonymous.get(tenant.path("/members/" + tenant.admin().id())).status());
        assertEquals(401, anonymous.post(tenant.path("/members"), "{}").status());
        assertEquals(
                401,
                anonymous
                        .put(tenant.path("/members/" + tenant.admin().id() + "/roles"), "{}")
                        .status());
        assertEquals(
                401,
                anonymous.delete(tenant.path("/members/" + tenant.admin().id())).status());
    }

    @Test
    void badInvitationsAreProblems() {
        Api admin = tenant.admin().api();
        assertEquals(
                400,
                admin.post(
                                tenant.path("/members"),
                                "{\"email\": \"nope\", \"displayName\": \"A\", \"roles\": [\"client\"]}")
                        .status());
        assertEquals(
                400,
                admin.post(
                                tenant.path("/members"),
                                "{\"email\": \"a@b.example\", \"displayName\": \"A\", \"roles\": [\"king\"]}")
                        .status());
        assertEquals(
                400,
                admin.post(
                                tenant.path("/members"),
                                "{\"email\": \"a@b.example\", \"displayName\": \"A\", \"roles\": []}")
                        .status());
        Api.Reply notAnId = admin.get(tenant.path("/members/not-a-uuid"));
        assertEquals(400, notAnId.status(), notAnId::toString);
        assertEquals(
                "id", notAnId.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
