package io.github.aksdaprwif.identity;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How the workload identity diagnostics check the pod's identity. Every key is overridable by environment, e.g.
 * {@code IDENTITY_LIVE_ENABLED=true}. The identity itself is read from the variables the webhook injects (see
 * {@link AzureEnvConfig}) and the pod's place from the downward API (see {@link PodConfig}).
 */
@ConfigMapping(prefix = "identity")
public interface IdentityConfig {

    /** The audience the webhook gives the projected token, and that the federated credential must list. */
    @WithName("expected-audience")
    @WithDefault("api://AzureADTokenExchange")
    String expectedAudience();

    /**
     * The most of the token file that is read. A projected token is about 1 KB; a larger file is not a token, and
     * reading it whole could exhaust the heap.
     */
    @WithName("token-file.max-bytes")
    @WithDefault("65536")
    int maxTokenBytes();

    Live live();

    Health health();

    /** The live check: a real token exchange with Microsoft Entra ID, as the sidecar would make it. */
    interface Live {

        /** Off by default: each check is a call to Entra ID that the pod's egress must allow. */
        @WithDefault("false")
        boolean enabled();

        /** The least time between two token exchanges; answers in between come from the last result. */
        @WithDefault("5m")
        Duration interval();

        /** How long connecting to and waiting for the token endpoint may take. */
        @WithDefault("10s")
        Duration timeout();

        /** The scope asked for: the Key Vault scope, which the sidecar's secret store needs. */
        @WithDefault("https://vault.azure.net/.default")
        String scope();

        /**
         * Whether MSAL first asks Entra ID's instance discovery about the authority host. Needed only for
         * authority aliases; off, the token request goes straight to AZURE_AUTHORITY_HOST.
         */
        @WithName("instance-discovery")
        @WithDefault("true")
        boolean instanceDiscovery();

        /**
         * A named TLS configuration ({@code quarkus.tls.<name>.trust-store.*}) whose trust store verifies the
         * authority host, e.g. behind a TLS-inspecting egress proxy. Unset, the JDK's default trust applies.
         */
        @WithName("tls-configuration-name")
        Optional<String> tlsConfigurationName();
    }

    interface Health {

        /**
         * Whether the {@code workload-identity} check also counts for readiness. Off, it lives only in its own
         * group (/q/health/group/workload-identity) and informs without taking the pod out of service.
         */
        @WithDefault("false")
        boolean readiness();
    }
}
