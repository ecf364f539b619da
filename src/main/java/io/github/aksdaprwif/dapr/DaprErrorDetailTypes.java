package io.github.aksdaprwif.dapr;

import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native image needs these registered: when a gRPC error from daprd carries rich error details, the Dapr SDK
 * (io.dapr.exceptions.DaprErrorDetails) matches and reads them with protobuf's reflective API ({@code Any.is},
 * {@code getAllFields}), which calls {@code getDefaultInstance} and the accessors by name. Without this, such an
 * error would surface as "Failed to get default instance" instead of its Dapr code. daprd 1.18 sends no details with
 * secret errors; later versions may.
 */
@RegisterForReflection(targets = {
        BadRequest.class, BadRequest.Builder.class,
        DebugInfo.class, DebugInfo.Builder.class,
        ErrorInfo.class, ErrorInfo.Builder.class,
        Help.class, Help.Builder.class,
        LocalizedMessage.class, LocalizedMessage.Builder.class,
        PreconditionFailure.class, PreconditionFailure.Builder.class,
        QuotaFailure.class, QuotaFailure.Builder.class,
        RequestInfo.class, RequestInfo.Builder.class,
        ResourceInfo.class, ResourceInfo.Builder.class,
        RetryInfo.class, RetryInfo.Builder.class })
final class DaprErrorDetailTypes {

    private DaprErrorDetailTypes() {
    }
}
