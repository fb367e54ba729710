using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Refunds;
using CareForAll.SslCommerzSandbox.Validation;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>
/// Maps <c>/validator/api/merchantTransIDvalidationAPI.php</c>: one URL for four operations, chosen by which
/// parameters are present (refund_ref_id → refund status; bank_tran_id + refund_amount → refund; sessionkey →
/// session query; tran_id → tran_id query), after the credentials.
/// </summary>
internal static class MerchantTransIdEndpoints
{
    public const string Path = "/validator/api/merchantTransIDvalidationAPI.php";

    public static void MapMerchantTransIdApi(this IEndpointRouteBuilder app) =>
        app.Map(Path, async (HttpContext context, StoreCredentials credentials, TransactionQueries queries, RefundDesk refunds) =>
        {
            var parameters = await GatewayParameters.ReadAsync(context.Request, context.RequestAborted);
            return GatewayJson.Answer(Dispatch(parameters, credentials, queries, refunds));
        });

    private static object Dispatch(GatewayParameters parameters, StoreCredentials credentials, TransactionQueries queries, RefundDesk refunds)
    {
        if (!credentials.Match(parameters))
        {
            return new ApiConnectOnly(ApiConnectStatus.Failed);
        }

        if (parameters["refund_ref_id"] is { } refundRefId)
        {
            return refunds.Status(refundRefId);
        }

        if (parameters.Has("bank_tran_id") && parameters.Has("refund_amount"))
        {
            return refunds.Initiate(parameters);
        }

        if (parameters["sessionkey"] is { } sessionKey)
        {
            return queries.BySession(sessionKey);
        }

        if (parameters["tran_id"] is { } tranId)
        {
            return queries.ByTranId(tranId);
        }

        return new ApiConnectOnly(ApiConnectStatus.InvalidRequest);
    }
}
