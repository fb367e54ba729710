using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using FastEndpoints;
using FluentValidation;
using Microsoft.Extensions.Logging;

namespace CareForAll.ServiceDefaults.Tests.Endpoints;

public sealed record Donation(string Campaign, decimal Amount);

public sealed class ReturnsData : EndpointWithoutRequest<Donation>
{
    public override void Configure()
    {
        Get("/test/donation");
        AllowAnonymous();
    }

    public override Task<Donation> ExecuteAsync(CancellationToken ct) => Task.FromResult(new Donation("Flood relief", 1500.50m));
}

public sealed class ReturnsPage : EndpointWithoutRequest<PagedResult<Donation>>
{
    public override void Configure()
    {
        Get("/test/donations");
        AllowAnonymous();
    }

    public override Task<PagedResult<Donation>> ExecuteAsync(CancellationToken ct) =>
        Task.FromResult(new PagedResult<Donation>([new("A", 1m), new("B", 2m)], Page: 2, Limit: 2, Total: 5));
}

public sealed class RegisterRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public Address? HomeAddress { get; set; }
}

public sealed class Address
{
    public string? PostCode { get; set; }
}

public sealed class RegisterValidator : Validator<RegisterRequest>
{
    public RegisterValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Email is required.").EmailAddress().WithMessage("Email is malformed.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Password is required.")
            .MinimumLength(8).WithMessage("Password must have at least 8 characters.");
        RuleFor(r => r.HomeAddress!.PostCode).NotEmpty().WithMessage("Post code is required.").When(r => r.HomeAddress is not null);
    }
}

public sealed class Validates : Endpoint<RegisterRequest, Donation>
{
    public override void Configure()
    {
        Post("/test/register");
        AllowAnonymous();
    }

    public override Task HandleAsync(RegisterRequest req, CancellationToken ct) => Send.OkAsync(new Donation(req.Email!, 0m), ct);
}

public sealed class ThrowsApiError : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/test/conflict");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) =>
        throw new ApiException(409, "EMAIL_TAKEN", "That email is already registered.", new { email = "taken@example.org" });
}

public sealed class Throws : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/test/boom");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) =>
        throw new InvalidOperationException("connection string Password=hunter2 leaked");
}

public sealed class SendsNotFound : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/test/missing");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) => Send.NotFoundAsync(ct);
}

public sealed class CurrentUser : EndpointWithoutRequest<CurrentUser.UserView>
{
    public sealed record UserView(Guid? UserId, bool IsAdmin);

    public override void Configure() => Get("/test/me");

    public override Task<UserView> ExecuteAsync(CancellationToken ct) => Task.FromResult(new UserView(User.UserId(), User.IsAdmin()));
}

public sealed class AdminOnly : EndpointWithoutRequest<string>
{
    public override void Configure()
    {
        Get("/test/admin");
        Policies(CareForAllPolicies.Admin);
    }

    public override Task<string> ExecuteAsync(CancellationToken ct) => Task.FromResult("welcome");
}

public sealed class Logs(ILogger<Logs> logger) : EndpointWithoutRequest<string>
{
    public override void Configure()
    {
        Get("/test/logs");
        AllowAnonymous();
    }

    public override Task<string> ExecuteAsync(CancellationToken ct)
    {
#pragma warning disable CA1848, CA2254 // a test line, performance is irrelevant
        logger.LogInformation("marker-line");
#pragma warning restore CA1848, CA2254
        return Task.FromResult("logged");
    }
}

public sealed class CallsOut(IHttpClientFactory clients) : EndpointWithoutRequest<string>
{
    public const string ClientName = "outbound-capture";

    public override void Configure()
    {
        Get("/test/call-out");
        AllowAnonymous();
    }

    public override async Task<string> ExecuteAsync(CancellationToken ct)
    {
        using var client = clients.CreateClient(ClientName);
        return await client.GetStringAsync(new Uri("http://downstream.test/anything"), ct);
    }
}

public sealed class UploadRequest
{
    public string? Text { get; set; }
}

public sealed class Upload : Endpoint<UploadRequest, string>
{
    public override void Configure()
    {
        Post("/test/upload");
        AllowAnonymous();
    }

    public override Task<string> ExecuteAsync(UploadRequest req, CancellationToken ct) => Task.FromResult(req.Text ?? string.Empty);
}

public sealed class CampaignQuery
{
    public Guid Id { get; init; }
}

public sealed class ReadsCampaign : Endpoint<CampaignQuery, Donation>
{
    public override void Configure()
    {
        Get("/test/campaigns/{id}");
        AllowAnonymous();
    }

    public override Task<Donation> ExecuteAsync(CampaignQuery req, CancellationToken ct) => Task.FromResult(new Donation(req.Id.ToString(), 1m));
}

public sealed class EchoRequest
{
    public string? Text { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>Gives back what a user wrote, as a campaign title or a donor's message comes back.</summary>
public sealed class Echoes : Endpoint<EchoRequest, Donation>
{
    public override void Configure()
    {
        Post("/test/echo");
        AllowAnonymous();
    }

    public override Task HandleAsync(EchoRequest req, CancellationToken ct) => Send.OkAsync(new Donation(req.Text ?? "", req.Amount), ct);
}
