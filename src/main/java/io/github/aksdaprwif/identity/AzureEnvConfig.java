package io.github.aksdaprwif.identity;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The variables the Azure workload identity webhook injects into every container of a labelled pod. Read through
 * configuration, so {@code AZURE_CLIENT_ID} arrives as {@code azure.client-id} and tests or a developer can set the
 * same values in application.properties.
 */
@ConfigMapping(prefix = "azure")
public interface AzureEnvConfig {

    /** AZURE_CLIENT_ID: the managed identity's or app registration's client id. */
    @WithName("client-id")
    Optional<String> clientId();

    /** AZURE_TENANT_ID. */
    @WithName("tenant-id")
    Optional<String> tenantId();

    /** AZURE_FEDERATED_TOKEN_FILE: where the projected service account token is; its path changed in webhook 1.6. */
    @WithName("federated-token-file")
    Optional<String> federatedTokenFile();

    /** AZURE_AUTHORITY_HOST, e.g. https://login.microsoftonline.com/. */
    @WithName("authority-host")
    Optional<String> authorityHost();
}
