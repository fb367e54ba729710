using CareForAll.BuildingBlocks.Database;
using CareForAll.BuildingBlocks.Idempotency;
using FastEndpoints;
using Npgsql;

namespace CareForAll.BuildingBlocks.Tests.Idempotency;

public sealed record TestPledgeRequest(string CampaignId, decimal Amount, bool Hold = false);

public sealed record TestPledgeResponse(long EffectId, string CampaignId, decimal Amount);

/// <summary>A money-moving endpoint the way services write one: opt in, write through the request transaction.</summary>
public sealed class TestPledgeEndpoint(NpgsqlDataSource dataSource, TestFailures failures, Hold hold) : Endpoint<TestPledgeRequest, TestPledgeResponse>
{
    public override void Configure()
    {
        Post("/test/pledges");
        AllowAnonymous();
        this.Idempotent();
    }

    public override async Task<TestPledgeResponse> ExecuteAsync(TestPledgeRequest req, CancellationToken ct)
    {
        await using var unit = await RequestTransaction.BeginAsync(HttpContext, dataSource, ct);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO test_effects (source, reference) VALUES ('pledge', @campaign) RETURNING id", unit.Connection, unit.Transaction);
        insert.Parameters.AddWithValue("campaign", req.CampaignId);
        var id = (long)(await insert.ExecuteScalarAsync(ct))!;
        if (req.Hold)
        {
            // The effect is written and its transaction open: the key is in use until the test lets go.
            await hold.WaitAsync(ct);
        }

        if (failures.TakeFailure())
        {
            throw new InvalidOperationException("payment gateway timed out");
        }

        await unit.CommitAsync(ct);
        return new TestPledgeResponse(id, req.CampaignId, req.Amount);
    }
}
