package io.github.aksdaprwif.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the webhook injected and where the pod runs, as one immutable snapshot. Values are ids and paths, never
 * credentials, so all of them may be shown.
 */
public record WorkloadEnvironment(String clientId, String tenantId, String federatedTokenFile, String authorityHost,
        String podNamespace, String podServiceAccount) {

    public static final String AZURE_CLIENT_ID = "AZURE_CLIENT_ID";
    public static final String AZURE_TENANT_ID = "AZURE_TENANT_ID";
    public static final String AZURE_FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    public static final String AZURE_AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";

    public static WorkloadEnvironment of(AzureEnvConfig azure, PodConfig pod) {
        return new WorkloadEnvironment(text(azure.clientId()), text(azure.tenantId()), text(azure.federatedTokenFile()),
                text(azure.authorityHost()), text(pod.namespace()), text(pod.serviceAccount()));
    }

    /** The four variables by name, in the webhook's order; null where unset. */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(AZURE_CLIENT_ID, clientId);
        variables.put(AZURE_TENANT_ID, tenantId);
        variables.put(AZURE_FEDERATED_TOKEN_FILE, federatedTokenFile);
        variables.put(AZURE_AUTHORITY_HOST, authorityHost);
        return variables;
    }

    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        variables().forEach((name, value) -> {
            if (value == null) {
                missing.add(name);
            }
        });
        return missing;
    }

    /** None of the variables is set: the webhook did not touch this pod, or this is not Kubernetes at all. */
    public boolean nothingInjected() {
        return missing().size() == 4;
    }

    public boolean complete() {
        return missing().isEmpty();
    }

    private static String text(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }
}
