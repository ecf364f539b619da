package io.github.aksdaprwif.identity;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * Why a token exchange failed, read from what azure-identity and MSAL threw: Entra ID's AADSTS code where it
 * answered, otherwise the network failure, each with the one thing to do about it.
 *
 * @param kind {@code aadsts}, {@code timeout}, {@code unreachable}, {@code tls} or {@code other}
 * @param aadsts the AADSTS code, e.g. {@code AADSTS70021}; null when Entra ID did not answer
 * @param message Entra ID's error description or the failure's class, cleaned of anything token-like
 */
public record ExchangeFailure(String kind, String aadsts, String message, String hint) {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{5,8})");
    /** Anything shaped like a JWT or a bearer token: never repeated, whoever put it in a message. */
    private static final Pattern TOKEN_LIKE = Pattern.compile(
            "eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*|(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final int MAX_MESSAGE = 600;

    /** What the hints name: the token's claims and the pod's ids, all safe to show. */
    public record Context(String clientId, String tenantId, String authorityHost, String issuer, String subject,
            Duration timeout) {
    }

    public static ExchangeFailure classify(Throwable failure, Context context) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher code = AADSTS.matcher(String.valueOf(t.getMessage()));
            if (code.find()) {
                String aadsts = "AADSTS" + code.group(1);
                return new ExchangeFailure("aadsts", aadsts, firstLine(t.getMessage().substring(code.start())),
                        hint(code.group(1), context));
            }
        }
        String host = context.authorityHost();
        if (causedBy(failure, ConnectException.class, UnknownHostException.class, UnresolvedAddressException.class,
                NoRouteToHostException.class)) {
            // MSAL's instance discovery asks login.microsoftonline.com about any authority host it does not know.
            String where = host != null && host.contains("login.microsoftonline.com") ? host
                    : host + " (or, with instance discovery on, login.microsoftonline.com)";
            return new ExchangeFailure("unreachable", null, describe(failure), "No connection to " + where
                    + ": check DNS and the pod's egress on port 443 (NetworkPolicy, firewall, HTTPS_PROXY).");
        }
        // HttpConnectTimeoutException is an HttpTimeoutException: a dropped SYN reads as a timeout, as it should.
        if (causedBy(failure, HttpTimeoutException.class, SocketTimeoutException.class, TimeoutException.class)
                || String.valueOf(describe(failure)).toLowerCase(Locale.ROOT).contains("timed out")) {
            return new ExchangeFailure("timeout", null, describe(failure), host + " did not answer within "
                    + context.timeout().toMillis() + " ms (identity.live.timeout): check the pod's egress to it on "
                    + "port 443 (NetworkPolicy, firewall, HTTPS_PROXY).");
        }
        if (causedBy(failure, SSLException.class)) {
            return new ExchangeFailure("tls", null, describe(failure), "TLS with " + host + " failed: a "
                    + "TLS-inspecting proxy needs its CA in a trust store named by identity.live.tls-configuration-name.");
        }
        return new ExchangeFailure("other", null, describe(failure), "The exchange failed before Entra ID answered; "
                + "the message names the failure.");
    }

    private static String hint(String code, Context c) {
        String compare = "the token's issuer '" + c.issuer() + "' and subject '" + c.subject() + "'";
        return switch (code) {
            case "70021" -> "No federated identity credential of client id " + c.clientId() + " matches this token: "
                    + "its issuer must equal '" + c.issuer() + "' exactly (trailing '/' included), its subject '"
                    + c.subject() + "', its audience api://AzureADTokenExchange.";
            case "700211" -> "No federated identity credential has the token's issuer '" + c.issuer() + "': set the "
                    + "credential's issuer to the cluster's OIDC issuer URL (az aks show --query "
                    + "oidcIssuerProfile.issuerUrl), character for character.";
            case "700213" -> "No federated identity credential has the token's subject '" + c.subject() + "': set "
                    + "the credential's subject to exactly that (system:serviceaccount:<namespace>:<serviceaccount>).";
            case "90061" -> "Entra ID could not fetch the OIDC discovery document of the issuer '" + c.issuer()
                    + "': enable the cluster's OIDC issuer (az aks update --enable-oidc-issuer) and keep that URL "
                    + "publicly reachable.";
            case "700016" -> "Tenant " + c.tenantId() + " has no application with client id " + c.clientId()
                    + ": set azure.workload.identity/client-id on the service account to the managed identity's "
                    + "client id, in the tenant of AZURE_TENANT_ID.";
            case "700024" -> "Entra ID finds the assertion outside its validity: the projected token expired or the "
                    + "node's clock is off; recreate the pod and check NTP.";
            default -> "Entra ID refused the exchange with AADSTS" + code + " (see https://login.microsoftonline.com/"
                    + "error?code=" + code + "); compare the federated credential with " + compare + ".";
        };
    }

    @SafeVarargs
    private static boolean causedBy(Throwable failure, Class<? extends Throwable>... types) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost cause's class and message: that is where the network says what went wrong. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        line = TOKEN_LIKE.matcher(line).replaceAll("<redacted>");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }
}
