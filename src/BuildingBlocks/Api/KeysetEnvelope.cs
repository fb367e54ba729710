using System.Text.Json.Serialization;
using CareForAll.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http;

namespace CareForAll.BuildingBlocks.Api;

/// <summary>
/// <c>{ success: true, data: [...], meta: { timestamp, requestId, next } }</c>: one page of a walk over a whole
/// table by id (the snapshot routes a read model is rebuilt from). A keyset walk, unlike page numbers, neither
/// skips nor repeats a row when rows are added while it runs, and costs the same on the last page as on the first.
/// The caller asks again with <c>after = meta.next</c> until <c>next</c> is null.
/// </summary>
/// <param name="Data">The items of this page, in id order.</param>
/// <param name="Meta">Timestamp, request id and the cursor of the next page.</param>
public sealed record KeysetEnvelope(object Data, KeysetMeta Meta) : IApiEnvelope
{
    /// <inheritdoc />
    [JsonPropertyOrder(-1)]
    public bool Success => true;

    EnvelopeMeta IApiEnvelope.Meta => new(Meta.Timestamp, Meta.RequestId);

    /// <summary>The envelope of one page for the current request.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="context">The current request.</param>
    /// <param name="items">The page's items.</param>
    /// <param name="next">The id to pass as <c>after</c> for the next page; null when this page is the last.</param>
    public static KeysetEnvelope Create<T>(HttpContext context, IReadOnlyList<T> items, Guid? next)
    {
        ArgumentNullException.ThrowIfNull(items);
        var meta = EnvelopeWriter.CreateMeta(context);
        return new KeysetEnvelope(items, new KeysetMeta(meta.Timestamp, meta.RequestId, next));
    }
}

/// <summary>The <c>meta</c> block of a <see cref="KeysetEnvelope"/>.</summary>
/// <param name="Timestamp">When the response was made (UTC).</param>
/// <param name="RequestId">The request's <c>X-Request-Id</c>.</param>
/// <param name="Next">The cursor of the next page (the last id of this one), null when there is none.</param>
public sealed record KeysetMeta(DateTimeOffset Timestamp, string RequestId, Guid? Next);
