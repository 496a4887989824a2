package dev.atrium.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
