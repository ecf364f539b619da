package io.github.aksdaprwif.rest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The methods each path of the service's resources answers, for the {@code Allow} header of a 405: Quarkus REST
 * refuses a wrong method without naming the right ones. Read once from the resources' own annotations, so it cannot
 * drift from them. The resources are registered for reflection so that the native image keeps those annotations.
 */
@RegisterForReflection(targets = { SecretResource.class, IdentityResource.class }, methods = true, fields = false)
final class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})*))?\\}");
    private static final List<Entry> ENTRIES = scan(SecretResource.class, IdentityResource.class);

    private AllowedMethods() {
    }

    /** @return e.g. "GET, HEAD" for a path some resource serves; empty for a path none serves */
    static Optional<String> of(String path) {
        Set<String> methods = new TreeSet<>();
        for (Entry entry : ENTRIES) {
            if (entry.pattern().matcher(path).matches()) {
                methods.add(entry.method());
                if (entry.method().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return methods.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", methods));
    }

    private static List<Entry> scan(Class<?>... resources) {
        List<Entry> entries = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = resource.isAnnotationPresent(Path.class) ? resource.getAnnotation(Path.class).value() : "";
            for (Method method : resource.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                String verb = verb(method);
                if (verb != null) {
                    entries.add(new Entry(toPattern(join(base, path == null ? "" : path.value())), verb));
                }
            }
        }
        return List.copyOf(entries);
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String base, String path) {
        String joined = "/" + base + "/" + path;
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static Pattern toPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).trim()).append(')');
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private record Entry(Pattern pattern, String method) {
    }
}
