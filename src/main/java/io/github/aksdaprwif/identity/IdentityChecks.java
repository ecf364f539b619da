package io.github.aksdaprwif.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static checks of the pod's workload identity: what the webhook injected and what the projected token says.
 * Pure: the same inputs give the same verdicts, so each rule is tested on crafted token files without a cluster.
 */
public final class IdentityChecks {

    public static final String ENVIRONMENT = "environment";
    public static final String CLIENT_ID = "client-id";
    public static final String TENANT_ID = "tenant-id";
    public static final String AUTHORITY_HOST = "authority-host";
    public static final String TOKEN_FILE = "token-file";
    public static final String TOKEN_FORMAT = "token-format";
    public static final String AUDIENCE = "audience";
    public static final String SUBJECT = "subject";
    public static final String EXPIRY = "expiry";

    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern SUBJECT_FORM = Pattern.compile("system:serviceaccount:([^:]+):([^:]+)");
    /** Tolerated difference between the node's clock (which stamped iat) and this container's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final String expectedAudience;

    public IdentityChecks(String expectedAudience) {
        this.expectedAudience = expectedAudience;
    }

    public List<Check> evaluate(WorkloadEnvironment env, TokenInspection inspection, Instant now) {
        List<Check> checks = new ArrayList<>();
        checks.add(environment(env));
        checks.add(clientId(env.clientId()));
        checks.add(tenantId(env.tenantId()));
        checks.add(authorityHost(env.authorityHost()));
        checks.add(tokenFile(inspection.file()));
        checks.add(tokenFormat(inspection));
        ProjectedToken token = inspection.token();
        checks.add(audience(token));
        checks.add(subject(token, env));
        checks.add(expiry(token, now));
        return checks;
    }

    private static Check environment(WorkloadEnvironment env) {
        if (env.nothingInjected()) {
            return Check.fail(ENVIRONMENT, "None of AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE, "
                    + "AZURE_AUTHORITY_HOST is set: the workload identity webhook did not inject this pod, or it does "
                    + "not run in Kubernetes.",
                    "Label the pod template azure.workload.identity/use: \"true\", run it under a service account "
                            + "annotated azure.workload.identity/client-id, and recreate the pod.");
        }
        List<String> missing = env.missing();
        if (missing.isEmpty()) {
            return Check.pass(ENVIRONMENT, "All four variables the webhook injects are set.");
        }
        String fix;
        if (missing.contains(WorkloadEnvironment.AZURE_CLIENT_ID)) {
            fix = "Annotate the service account with azure.workload.identity/client-id: <the identity's client id> "
                    + "and recreate the pod.";
        } else if (missing.contains(WorkloadEnvironment.AZURE_TENANT_ID)) {
            fix = "Annotate the service account with azure.workload.identity/tenant-id (or fix the webhook's tenant "
                    + "configuration) and recreate the pod.";
        } else {
            fix = "Recreate the pod so the webhook injects all four variables, and check that this container is not "
                    + "listed in azure.workload.identity/skip-containers.";
        }
        return Check.fail(ENVIRONMENT, "Not set: " + String.join(", ", missing) + ".", fix);
    }

    private static Check clientId(String clientId) {
        if (clientId == null) {
            return Check.skip(CLIENT_ID, "AZURE_CLIENT_ID is not set.");
        }
        if (GUID.matcher(clientId).matches()) {
            return Check.pass(CLIENT_ID, "A GUID, as a client id must be.");
        }
        return Check.fail(CLIENT_ID, "'" + clientId + "' is not a GUID.",
                "Set the service account annotation azure.workload.identity/client-id to the identity's client id "
                        + "(az identity show --query clientId), not its name or principal id.");
    }

    private static Check tenantId(String tenantId) {
        if (tenantId == null) {
            return Check.skip(TENANT_ID, "AZURE_TENANT_ID is not set.");
        }
        if (GUID.matcher(tenantId).matches()) {
            return Check.pass(TENANT_ID, "A GUID.");
        }
        return Check.warn(TENANT_ID, "'" + tenantId + "' is not a GUID; Entra ID also accepts a verified domain "
                + "name, but the webhook injects the tenant's GUID.",
                "Set azure.workload.identity/tenant-id to the tenant's GUID (az account show --query tenantId).");
    }

    private static Check authorityHost(String authorityHost) {
        if (authorityHost == null) {
            return Check.skip(AUTHORITY_HOST, "AZURE_AUTHORITY_HOST is not set.");
        }
        String fix = "Set AZURE_AUTHORITY_HOST to your cloud's Entra ID authority, e.g. "
                + "https://login.microsoftonline.com/ (the webhook sets it from its own configuration).";
        URI uri;
        try {
            uri = new URI(authorityHost);
        } catch (URISyntaxException e) {
            return Check.fail(AUTHORITY_HOST, "'" + authorityHost + "' is not a URL.", fix);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return Check.fail(AUTHORITY_HOST, "'" + authorityHost + "' is not an https URL; azure-identity and "
                    + "MSAL refuse any other authority.", fix);
        }
        return Check.pass(AUTHORITY_HOST, "An https URL (" + uri.getHost() + ").");
    }

    private static Check tokenFile(TokenFileState file) {
        String fix = switch (file.status()) {
            case READ, NOT_SET -> null;
            case MISSING -> "The projected token is not mounted at this path in this container: recreate the pod, "
                    + "and check that the container is not in azure.workload.identity/skip-containers.";
            case UNREADABLE -> "Let the container's user read the projected token: check securityContext "
                    + "(runAsUser, fsGroup) against the token volume.";
            case EMPTY -> "Recreate the pod; an empty file is never a valid assertion, and the kubelet writes the "
                    + "token before the container starts.";
            case NOT_A_FILE, INVALID_PATH, TOO_LARGE -> "Point AZURE_FEDERATED_TOKEN_FILE at the projected service "
                    + "account token file itself (the webhook sets it; do not override it).";
        };
        return switch (file.status()) {
            case READ -> Check.pass(TOKEN_FILE, "Readable, " + file.size() + " bytes.");
            case NOT_SET -> Check.skip(TOKEN_FILE, "AZURE_FEDERATED_TOKEN_FILE is not set.");
            default -> Check.fail(TOKEN_FILE, file.detail(), fix);
        };
    }

    private static Check tokenFormat(TokenInspection inspection) {
        if (!inspection.file().read()) {
            return Check.skip(TOKEN_FORMAT, "The token file could not be read.");
        }
        String fix = "AZURE_FEDERATED_TOKEN_FILE must hold the service account token the kubelet projects for this "
                + "pod; do not overwrite it or mount another file there.";
        if (inspection.token() == null) {
            return Check.fail(TOKEN_FORMAT, inspection.malformed(), fix);
        }
        ProjectedToken token = inspection.token();
        if (token.issuer() == null || token.subject() == null) {
            return Check.fail(TOKEN_FORMAT, "The JWT lacks an iss or sub claim, so it is no service account token.",
                    fix);
        }
        return Check.pass(TOKEN_FORMAT, "A JWT; its claims are shown under 'token'.");
    }

    private Check audience(ProjectedToken token) {
        if (token == null) {
            return Check.skip(AUDIENCE, "No decoded token.");
        }
        String fix = "Use the token the webhook projects (audience " + expectedAudience + "), or give your own "
                + "serviceAccountToken projection that audience; the federated credential must list it too.";
        if (token.audience() == null || token.audience().isEmpty()) {
            return Check.fail(AUDIENCE, "The token has no aud claim.", fix);
        }
        if (token.audience().contains(expectedAudience)) {
            return Check.pass(AUDIENCE, "Includes " + expectedAudience + ".");
        }
        return Check.fail(AUDIENCE, "The token's audience " + token.audience() + " lacks " + expectedAudience + ".",
                fix);
    }

    private static Check subject(ProjectedToken token, WorkloadEnvironment env) {
        if (token == null || token.subject() == null) {
            return Check.skip(SUBJECT, "No decoded subject.");
        }
        Matcher form = SUBJECT_FORM.matcher(token.subject());
        if (!form.matches()) {
            return Check.fail(SUBJECT, "'" + token.subject() + "' is not of the form "
                    + "system:serviceaccount:<namespace>:<serviceaccount>.",
                    "Point AZURE_FEDERATED_TOKEN_FILE at a Kubernetes service account token projected for this pod.");
        }
        String namespace = form.group(1);
        String serviceAccount = form.group(2);
        String podNamespace = env.podNamespace();
        String podServiceAccount = env.podServiceAccount();
        if (podNamespace == null || podServiceAccount == null) {
            return Check.warn(SUBJECT, "The token is for service account '" + serviceAccount + "' in namespace '"
                    + namespace + "'; POD_NAMESPACE or POD_SERVICE_ACCOUNT is not set, so it was not compared with "
                    + "this pod.",
                    "Pass metadata.namespace and spec.serviceAccountName to the container as POD_NAMESPACE and "
                            + "POD_SERVICE_ACCOUNT (downward API).");
        }
        if (!namespace.equals(podNamespace) || !serviceAccount.equals(podServiceAccount)) {
            return Check.fail(SUBJECT, "The token is for service account '" + serviceAccount + "' in namespace '"
                    + namespace + "', but this pod runs as '" + podServiceAccount + "' in '" + podNamespace + "'.",
                    "Use this pod's own projected token; the federated credential's subject must be "
                            + "system:serviceaccount:" + podNamespace + ":" + podServiceAccount + ".");
        }
        return Check.pass(SUBJECT, "Matches this pod; the federated credential's subject must be exactly '"
                + token.subject() + "'.");
    }

    private static Check expiry(ProjectedToken token, Instant now) {
        if (token == null) {
            return Check.skip(EXPIRY, "No decoded token.");
        }
        String fix = "The kubelet refreshes a projected token long before it expires, so this file is a stale copy "
                + "or is no longer refreshed: use the projected volume and recreate the pod.";
        if (token.expiresAt() == null) {
            return Check.fail(EXPIRY, "The token has no exp claim.", fix);
        }
        if (!token.expiresAt().isAfter(now)) {
            return Check.fail(EXPIRY, "Expired at " + token.expiresAt() + ", " + human(Duration.between(
                    token.expiresAt(), now)) + " ago.", fix);
        }
        if (token.issuedAt() != null && token.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            return Check.warn(EXPIRY, "Issued at " + token.issuedAt() + ", which is in the future for this "
                    + "container's clock.", "Check the node's clock synchronisation (NTP).");
        }
        return Check.pass(EXPIRY, "Valid for another " + human(Duration.between(now, token.expiresAt())) + " (until "
                + token.expiresAt() + ").");
    }

    static String human(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3600 + " h";
        }
        return String.format(Locale.ROOT, "%d days", seconds / 86_400);
    }
}
