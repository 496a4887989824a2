package dev.atrium.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.security.Roles;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: every resource method of the application says who may call it, on the method or its class.
 * A new endpoint without {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} fails the build.
 */
class ResourceSecurityTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class, HEAD.class);

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> resources = applicationClasses().stream()
                .filter(type -> type.isAnnotationPresent(Path.class))
                .toList();
        assertFalse(resources.isEmpty(), "the scan found the application's resources");
        List<String> unguarded = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (isResourceMethod(method) && !isGuarded(method) && !isGuarded(resource)) {
                    unguarded.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(unguarded.isEmpty(), "resource methods without @RolesAllowed/@PermitAll/@DenyAll: " + unguarded);
    }

    /**
     * The module contract: a resource under {@code /t/} declares its module once ({@code @TenantApi}, at most one
     * module) and the {@code {tenant}} path parameter, so the tenant gate checks every one of its endpoints.
     */
    @Test
    void everyTenantResourceDeclaresItsTenantAndModule() throws Exception {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : applicationClasses()) {
            Path path = resource.getAnnotation(Path.class);
            if (path == null || !path.value().startsWith("/t/")) {
                continue;
            }
            TenantApi api = resource.getAnnotation(TenantApi.class);
            if (api == null || api.value().length > 1) {
                undeclared.add(resource.getSimpleName() + " (needs @TenantApi with at most one module)");
            }
            if (!path.value().startsWith("/t/{" + TenantBindingFilter.TENANT_PARAMETER + "}/")) {
                undeclared.add(resource.getSimpleName() + " (path must start /t/{tenant}/)");
            }
            boolean declaresParameter = Stream.of(resource.getDeclaredFields())
                    .map(field -> field.getAnnotation(PathParam.class))
                    .anyMatch(parameter ->
                            parameter != null && TenantBindingFilter.TENANT_PARAMETER.equals(parameter.value()));
            if (!declaresParameter) {
                undeclared.add(resource.getSimpleName() + " (declare the @PathParam(\"tenant\") field)");
            }
        }
        assertTrue(undeclared.isEmpty(), "tenant resources not declaring their tenant or module: " + undeclared);
    }

    /** The gate reads {@code @RolesAllowed} from the method or class; the members-only role needs no other names. */
    @Test
    void memberRoleIsNotMixedWithOtherRoles() throws Exception {
        List<String> mixed = new ArrayList<>();
        for (Class<?> resource : applicationClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                if (roles != null && List.of(roles.value()).contains(Roles.MEMBER) && roles.value().length > 1) {
                    mixed.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(mixed.isEmpty(), "@RolesAllowed(MEMBER) together with other roles: " + mixed);
    }

    private static boolean isResourceMethod(Method method) {
        return method.isAnnotationPresent(Path.class) || HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent);
    }

    private static boolean isGuarded(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** Every class compiled from src/main/java (not the test classes). */
    private static List<Class<?>> applicationClasses() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString())
                    .filter(name -> !name.contains("$") && !name.endsWith("package-info.class"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .map(ResourceSecurityTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceSecurityTest.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
